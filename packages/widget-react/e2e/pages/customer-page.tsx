import { createRoot } from 'react-dom/client';
import { ChatWidget, KefuProvider } from '../../src/index';
import { pageConfig, reconnect } from './page-config';

// A storefront page with the drop-in widget.
const config = pageConfig();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <KefuProvider options={{ url: config.url, identity: config.identity, reconnect }}>
      <ChatWidget
        locale={config.locale}
        theme={config.theme}
        pageSize={config.pageSize}
        preChat={config.preChat}
        greeting={config.greeting}
      />
    </KefuProvider>,
  );
}

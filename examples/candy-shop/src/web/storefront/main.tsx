import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StorefrontApp } from './storefront-app';
import './storefront.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <StorefrontApp />
  </StrictMode>,
);

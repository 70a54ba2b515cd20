import type { ReactNode } from 'react';
import { safeHref } from './safe-url';

/**
 * What every outgoing link carries: no opener access, no referrer, no SEO credit.
 *
 * @example
 * <a href={href} target="_blank" rel={SAFE_LINK_REL}>{label}</a>
 */
export const SAFE_LINK_REL = 'noopener noreferrer nofollow';

/**
 * Props of `SafeLink`.
 *
 * @example
 * <SafeLink href="https://candy.example/faq">常见问题</SafeLink>
 */
export interface SafeLinkProps {
  href: string;
  children: ReactNode;
  className?: string;
}

/**
 * A link that opens in a new tab when `href` is http(s) or mailto; anything else renders its
 * children as plain text.
 *
 * @example
 * <SafeLink href={attachment.url}>{attachment.name}</SafeLink>
 */
export function SafeLink({ href, children, className }: SafeLinkProps) {
  const safe = safeHref(href);
  if (!safe) return <span className={className}>{children}</span>;
  return (
    <a className={className} href={safe} target="_blank" rel={SAFE_LINK_REL}>
      {children}
    </a>
  );
}

/** An <a> that navigates inside the app on a plain click and behaves as a link otherwise. */
import type { ComponentChildren } from 'preact';
import { useApp } from '../context.js';
import { routePath, type Route } from '../lib/route.js';

export function Link(props: {
  to: Route;
  class?: string;
  children: ComponentChildren;
  'aria-current'?: 'page';
}) {
  const { navigate } = useApp();
  const href = routePath(props.to);
  return (
    <a
      href={href}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from 'react-router';

/** A Mantine-styled link that navigates inside the app without reloading. */
export function RouterAnchor({ to, children, ...props }: AnchorProps & { to: string; children: React.ReactNode }) {
  return (
    <Anchor component={Link} to={to} {...props}>
      {children}
    </Anchor>
  );
}

import { Anchor } from '@mantine/core';
import { useSiteInfo } from '../lib/site.ts';

/** The programme team's address as a mailto link (CONTACT_EMAIL); nothing until it is known. */
export function ContactLink() {
  const site = useSiteInfo();
  if (!site.data) return null;
  const email = site.data.contactEmail;
  return <Anchor href={`mailto:${email}`}>{email}</Anchor>;
}

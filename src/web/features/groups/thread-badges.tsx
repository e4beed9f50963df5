import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Pinned" and "Closed" markers of a discussion, the same in the list and on its page. */
export function ThreadBadges({ pinned, closed }: { pinned: boolean; closed: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {pinned && (
        <Badge variant="outline" color="blue.9">
          {t('groups.threads.pinned')}
        </Badge>
      )}
      {closed && (
        <Badge variant="outline" color="gray.8">
          {t('groups.threads.closed')}
        </Badge>
      )}
    </>
  );
}

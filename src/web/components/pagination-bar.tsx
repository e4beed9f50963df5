import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** What the pages hold, for the navigation landmark's name, e.g. "Invitations pages". */
  label: string;
}

/** Page controls with a count; hidden when everything fits on one page. */
export function PaginationBar({ page, pageSize, total, onChange, label }: PaginationBarProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('pagination.showing', { first, last, total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={label}>
          <Pagination
            value={page}
            onChange={onChange}
            total={pages}
            getItemProps={(item) => ({
              'aria-label': t('pagination.page', { page: item }),
              'aria-current': item === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}

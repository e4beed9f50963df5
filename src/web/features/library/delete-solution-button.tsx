import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useDeleteSolution } from './library.api.ts';

/** Deletes a solution after asking; the city's page is where one lands afterwards. */
export function DeleteSolutionButton({ id, title, citySlug }: { id: string; title: string; citySlug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteSolution(id);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button color="red.9" variant="outline" onClick={() => setAsking(true)}>
        {t('library.delete.button')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={t('library.delete.title')}
        message={t('library.delete.message', { title })}
        confirmLabel={t('library.delete.confirm')}
        busy={remove.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => void navigate(`/cities/${citySlug}`, { replace: true, state: { deletedSolution: title } }),
          })
        }
      >
        {remove.error && <ProblemAlert error={remove.error} />}
      </ConfirmDialog>
    </>
  );
}

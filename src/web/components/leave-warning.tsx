import { useTranslation } from 'react-i18next';
import { useLeaveWarning } from '../lib/use-leave-warning.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

/** Rendered once by the layout: asks "Leave this page?" while a form holds unsaved changes (see useLeaveWarning). */
export function LeaveWarning() {
  const { t } = useTranslation();
  const warning = useLeaveWarning();
  return (
    <ConfirmDialog
      opened={warning.asking}
      title={t('leaveWarning.title')}
      message={t('leaveWarning.message')}
      cancelLabel={t('leaveWarning.stay')}
      confirmLabel={t('leaveWarning.leave')}
      onConfirm={warning.leave}
      onCancel={warning.stay}
    />
  );
}

import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** The button that keeps things as they are; "Cancel" by default. */
  cancelLabel?: string;
  busy?: boolean;
  /** The action may not be done (the dialog says why): the confirm button is disabled. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: React.ReactNode;
}

/** Asks before an action that cannot be undone; Escape or Cancel keeps things as they are. */
export function ConfirmDialog({ opened, title, message, confirmLabel, cancelLabel, busy, confirmDisabled, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text mb="md">{message}</Text>
      {children}
      <Group justify="flex-end" mt="md">
        {/* Focus starts on Cancel so that Enter does not confirm by accident. */}
        <Button variant="default" onClick={onCancel} data-autofocus>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button color="red" onClick={onConfirm} loading={busy} disabled={confirmDisabled}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

import { ConfirmModal } from './confirm-modal.component';

type Confirming<T> = { subject: T | null; close: () => void };

/** What the dialog needs of a TanStack mutation whose variable is the record's id. */
type IdMutation = {
  mutate: (id: string, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
};

type Props<T extends { id: string }> = {
  /** From useConfirm(): the record being confirmed, or null when the dialog is closed. */
  confirming: Confirming<T>;
  mutation: IdMutation;
  title: string;
  message: (subject: T) => string;
  confirmLabel: string;
  danger?: boolean;
};

/**
 * "Are you sure?" before a mutation on one record (delete, remove, purge): closes on success,
 * shows the server's error and clears it when dismissed.
 */
export function ConfirmMutationModal<T extends { id: string }>({ confirming, mutation, title, message, confirmLabel, danger }: Props<T>) {
  const { subject } = confirming;
  return (
    <ConfirmModal
      opened={subject !== null}
      onClose={() => {
        mutation.reset();
        confirming.close();
      }}
      title={title}
      message={subject ? message(subject) : ''}
      confirmLabel={confirmLabel}
      danger={danger}
      loading={mutation.isPending}
      error={mutation.error}
      onConfirm={() => subject && mutation.mutate(subject.id, { onSuccess: confirming.close })}
    />
  );
}

import type { Account } from '@contract/accounts';
import type { AccountDocument } from '@contract/documents';
import { ActionIcon, Anchor, Button, Center, FileButton, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFile, IconTargetArrow, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@web/components/confirm-modal.component';
import { ErrorAlert } from '@web/components/error-alert.component';
import { formatBytes, formatDateTime } from '@web/components/format';
import { useDeleteDocument } from './use-delete-document';
import { useDocuments } from './use-documents';
import { useUploadDocument } from './use-upload-document';

function DocumentRow({ document, canDelete, onDelete, showOpportunity }: { document: AccountDocument; canDelete: boolean; onDelete: () => void; showOpportunity: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="document-row">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFile size={22} style={{ flexShrink: 0 }} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            {/* A plain link with `download`: the server answers as an attachment anyway. */}
            <Anchor href={document.downloadUrl} download={document.name} fw={500} style={{ overflowWrap: 'anywhere' }}>
              {document.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[formatBytes(document.size), document.contentType].join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('documents:uploadedBy', { name: document.uploadedBy?.name ?? '—', at: formatDateTime(document.uploadedAt) })}
            </Text>
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap">
          {/* On the organization's page a deal's documents say which deal they belong to. */}
          {showOpportunity && document.opportunityId && (
            <ActionIcon component={Link} to={`/opportunities/${document.opportunityId}`} variant="subtle" aria-label={t('documents:opportunity')}>
              <IconTargetArrow size={18} />
            </ActionIcon>
          )}
          <ActionIcon component="a" href={document.downloadUrl} download={document.name} variant="subtle" aria-label={t('documents:download', { name: document.name })}>
            <IconDownload size={18} />
          </ActionIcon>
          {canDelete && (
            <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('documents:delete', { name: document.name })}>
              <IconTrash size={18} />
            </ActionIcon>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** The documents tab: upload, list, download and delete files of the account (or of one of its opportunities). */
export function AccountDocuments({ account, opportunityId, projectId }: { account: Account; opportunityId?: string; projectId?: string }) {
  const { t } = useTranslation();
  const documents = useDocuments(account.id, { opportunityId, projectId });
  const upload = useUploadDocument(account.id, { opportunityId, projectId });
  const remove = useDeleteDocument(account.id);
  const [toDelete, setToDelete] = useState<AccountDocument | null>(null);
  // Lets the same file be picked again after a failed upload.
  const resetRef = useRef<() => void>(null);
  const items = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const maxBytes = documents.data?.pages[0]?.maxUploadBytes;
  const canWrite = account.abilities.update;

  return (
    <Stack gap="sm">
      {canWrite && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {maxBytes ? t('documents:maxSize', { maxMb: Math.floor(maxBytes / (1024 * 1024)) }) : null}
          </Text>
          <FileButton resetRef={resetRef} onChange={(file) => file && upload.mutate(file, { onSettled: () => resetRef.current?.() })}>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} loading={upload.isPending}>
                {t('documents:upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      <ErrorAlert error={upload.error ?? documents.error} />
      {documents.isPending ? (
        <Center py="lg">
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('documents:empty')}
        </Text>
      ) : (
        items.map((document) => (
          <DocumentRow key={document.id} document={document} canDelete={canWrite} onDelete={() => setToDelete(document)} showOpportunity={!opportunityId} />
        ))
      )}
      {documents.hasNextPage && (
        <Button variant="subtle" onClick={() => void documents.fetchNextPage()} loading={documents.isFetchingNextPage}>
          {t('common:action.loadMore')}
        </Button>
      )}
      <ConfirmModal
        opened={toDelete !== null}
        onClose={() => setToDelete(null)}
        title={t('documents:deleteTitle')}
        message={t('documents:deleteMessage', { name: toDelete?.name ?? '' })}
        confirmLabel={t('documents:deleteConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => toDelete && remove.mutate(toDelete.id, { onSuccess: () => setToDelete(null) })}
      />
    </Stack>
  );
}

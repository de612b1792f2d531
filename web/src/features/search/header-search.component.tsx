import { ActionIcon, Box, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QuickSearch } from './quick-search.component';

/** The header's search: a box on wide screens; at phone width an icon that opens it full screen. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Box visibleFrom="sm" w={{ sm: 260, md: 360 }}>
        <QuickSearch />
      </Box>
      <ActionIcon hiddenFrom="sm" variant="subtle" color="gray" size="lg" aria-label={t('search:open')} onClick={open}>
        <IconSearch size={20} />
      </ActionIcon>
      <Modal opened={opened} onClose={close} title={t('search:title')} fullScreen>
        <QuickSearch onDone={close} />
      </Modal>
    </>
  );
}

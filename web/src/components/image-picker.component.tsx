import { logoContentTypes } from '@contract/documents';
import { FileButton, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPhotoOff, IconUpload } from '@tabler/icons-react';
import { useRef, type ReactElement } from 'react';
import { ErrorAlert } from './error-alert.component';

/** What the picker says: upload (none yet), change, remove, the accepted files, and while it uploads. */
export type ImagePickerTexts = { upload: string; change: string; remove: string; hint: string; uploading: string };

type Props = {
  /** The picture as shown (an avatar with its fallback): the menu's button. */
  picture: ReactElement;
  hasImage: boolean;
  texts: ImagePickerTexts;
  /** Sets the picture from a file, or removes it with null. */
  onChange: (file: File | null, settled: () => void) => void;
  pending: boolean;
  error: unknown;
};

/** A picture that opens a menu to upload, change or remove it (an account's logo, a product's picture). */
export function ImagePicker({ picture, hasImage, texts, onChange, pending, error }: Props) {
  const resetRef = useRef<() => void>(null);
  return (
    <Stack gap={4}>
      <FileButton resetRef={resetRef} accept={logoContentTypes.join(',')} onChange={(file) => file && onChange(file, () => resetRef.current?.())}>
        {(upload) => (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label={hasImage ? texts.change : texts.upload}>{picture}</UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{texts.hint}</Menu.Label>
              <Menu.Item leftSection={<IconUpload size={16} />} onClick={upload.onClick}>{hasImage ? texts.change : texts.upload}</Menu.Item>
              {hasImage && (
                <Menu.Item color="red" leftSection={<IconPhotoOff size={16} />} onClick={() => onChange(null, () => undefined)}>{texts.remove}</Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </FileButton>
      {error ? (
        <Group maw={320}>
          <ErrorAlert error={error} />
        </Group>
      ) : null}
      {pending && <Text size="xs" c="dimmed">{texts.uploading}</Text>}
    </Stack>
  );
}

import { createTheme, type MantineThemeOverride } from '@mantine/core';

type Translate = (key: string) => string;

/**
 * The theme, with Mantine's built-in accessible labels (close, clear, show password)
 * in the user's language: it is rebuilt when the language changes.
 */
export function buildTheme(t: Translate): MantineThemeOverride {
  return createTheme({
    primaryColor: 'teal',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    components: {
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common:action.close') } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('common:action.close') } } },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common:action.togglePassword') } } },
      Select: { defaultProps: { clearButtonProps: { 'aria-label': t('common:action.clear') } } },
      MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': t('common:action.clear') } } },
    },
  });
}

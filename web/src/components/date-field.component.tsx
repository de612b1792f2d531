import '@mantine/dates/styles.css';
import 'dayjs/locale/es';
import 'dayjs/locale/en';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '@web/app/i18n';

dayjs.extend(customParseFormat);

/** How a day reads: 13/04/1988 in Spanish, 13 Apr 1988 in English (unambiguous either side of the Atlantic). */
const shown = { es: 'DD/MM/YYYY', en: 'D MMM YYYY' } as const;
const typed = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD', 'D MMM YYYY', 'D MMMM YYYY', 'MMM D, YYYY'];

/** A typed day in the user's language as YYYY-MM-DD, or null when it is not one. */
export function parseTypedDay(text: string, language: 'es' | 'en'): string | null {
  const value = text.trim();
  if (value === '') return null;
  const day = dayjs(value, typed, language, true);
  return day.isValid() ? day.format('YYYY-MM-DD') : null;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** YYYY-MM-DD, or null / '' for none. */
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A calendar day picked or typed in the user's language; the value stays YYYY-MM-DD as the API speaks it. */
export function DateField({ value, onChange, ...props }: Props) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language) ?? 'es';
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
      <DateInput
        value={value || null}
        onChange={onChange}
        valueFormat={shown[language]}
        dateParser={(text) => parseTypedDay(text, language)}
        placeholder={shown[language] === 'DD/MM/YYYY' ? 'dd/mm/aaaa' : 'd mmm yyyy'}
        clearable
        popoverProps={{ withinPortal: true }}
        {...props}
      />
    </DatesProvider>
  );
}

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

const typedTimes = ['HH:mm', 'H:mm'].flatMap((time) => [...typed.map((day) => `${day} ${time}`), `YYYY-MM-DDT${time}`]);

/** A typed day and time as Mantine's `YYYY-MM-DD HH:mm:ss`; a day alone is taken at 09:00. */
export function parseTypedDateTime(text: string, language: 'es' | 'en'): string | null {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return null;
  const moment = dayjs(value, typedTimes, language, true);
  if (moment.isValid()) return moment.format('YYYY-MM-DD HH:mm:00');
  const day = parseTypedDay(value, language);
  return day ? `${day} 09:00:00` : null;
}

type DateTimeProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue' | 'withTime'> & {
  /** Local wall time as the forms keep it, `YYYY-MM-DDTHH:mm`, or '' for none (optional, as a form's input props give it). */
  value?: string | null;
  onChange?: (value: string) => void;
};

/**
 * A day and time typed or picked in the user's language (13/04/2027 10:30), in their own time
 * zone; the forms keep `YYYY-MM-DDTHH:mm` (see activities/local-time.ts) and send UTC.
 */
export function DateTimeField({ value, onChange, ...props }: DateTimeProps) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language) ?? 'es';
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
      <DateInput
        withTime
        value={value ? `${value.replace('T', ' ')}:00` : null}
        onChange={(next) => onChange?.(next ? next.slice(0, 16).replace(' ', 'T') : '')}
        valueFormat={`${shown[language]} HH:mm`}
        dateParser={(text) => parseTypedDateTime(text, language)}
        placeholder={language === 'es' ? 'dd/mm/aaaa hh:mm' : 'd mmm yyyy hh:mm'}
        clearable
        popoverProps={{ withinPortal: true }}
        {...props}
      />
    </DatesProvider>
  );
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

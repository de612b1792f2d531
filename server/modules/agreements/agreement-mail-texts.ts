import type { Language } from '@contract/common';

/** The agreement's e-mail, in the agreement's language. */
export const agreementMailTexts: Record<Language, { subject: string; subjectFrom: string; intro: string; link: string; attached: string }> = {
  es: {
    subject: 'Acuerdo: {{title}}',
    subjectFrom: 'Acuerdo con {{company}}: {{title}}',
    intro: 'Le enviamos el acuerdo «{{title}}» para su firma.',
    link: 'Leer el acuerdo y firmarlo',
    attached: 'El documento del acuerdo va adjunto. El enlace es personal: no lo reenvíe a quien no deba firmar por su empresa.',
  },
  en: {
    subject: 'Agreement: {{title}}',
    subjectFrom: 'Agreement with {{company}}: {{title}}',
    intro: 'Please find the agreement "{{title}}" for your signature.',
    link: 'Read the agreement and sign it',
    attached: 'The agreement\'s document is attached. The link is personal: do not forward it to anyone who should not sign for your company.',
  },
};

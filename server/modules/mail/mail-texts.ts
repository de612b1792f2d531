import type { Language } from '@contract/common';

/** What Cartera itself writes into messages and public pages, in every language it speaks. */
export const mailTexts: Record<Language, {
  footer: string;
  unsubscribeLink: string;
  testSubject: string;
  testBody: string;
  page: { title: string; ask: string; confirm: string; done: string; doneDetail: string; unknown: string };
}> = {
  es: {
    footer: 'Recibes este mensaje porque estás en la cartera de clientes de quien lo envía.',
    unsubscribeLink: 'No quiero recibir más correos como este',
    testSubject: 'Prueba de correo de Cartera',
    testBody: 'Si lees esto, Cartera puede enviar correo con esta configuración.',
    page: {
      title: 'Darse de baja',
      ask: '¿Quieres dejar de recibir correos masivos en {{address}}?',
      confirm: 'Sí, darme de baja',
      done: 'Hecho: {{address}} no recibirá más correos masivos.',
      doneDetail: 'Puedes cerrar esta página.',
      unknown: 'Este enlace no es válido o ha caducado.',
    },
  },
  en: {
    footer: 'You receive this message because you are in the sender’s customer portfolio.',
    unsubscribeLink: 'I do not want to receive more e-mails like this',
    testSubject: 'Cartera e-mail test',
    testBody: 'If you can read this, Cartera can send e-mail with these settings.',
    page: {
      title: 'Unsubscribe',
      ask: 'Do you want to stop receiving bulk e-mail at {{address}}?',
      confirm: 'Yes, unsubscribe me',
      done: 'Done: {{address}} will not receive bulk e-mail any more.',
      doneDetail: 'You can close this page.',
      unknown: 'This link is not valid or has expired.',
    },
  },
};

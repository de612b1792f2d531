import type { Language } from '@contract/common';
import type { ErrorCode } from './errors';

type Catalogue = { errors: Record<ErrorCode, string>; fields: Record<string, string> };

/** Server-side messages: problem details and field errors, in every language Cartera speaks. */
const catalogues: Record<Language, Catalogue> = {
  es: {
    errors: {
      validation_failed: 'Revisa los datos: hay campos con errores.',
      bad_cursor: 'El cursor de paginación no es válido; vuelve a la primera página.',
      wrong_password: 'La contraseña actual no es correcta.',
      invalid_reference: 'Uno de los registros indicados no existe.',
      unauthenticated: 'Inicia sesión para continuar.',
      invalid_credentials: 'El correo electrónico o la contraseña no son correctos.',
      forbidden: 'No tienes permiso para hacer esto.',
      csrf_failed: 'La sesión no ha podido verificar esta petición. Recarga la página e inténtalo de nuevo.',
      not_found: 'No se ha encontrado.',
      conflict: 'La operación entra en conflicto con el estado actual.',
      email_taken: 'Ya existe un usuario con ese correo electrónico.',
      setup_done: 'Cartera ya está configurada: inicia sesión.',
      team_not_empty: 'El equipo tiene miembros; muévelos antes de eliminarlo.',
      contact_exists: 'Esa persona ya es contacto de esta organización.',
      last_admin: 'Tiene que quedar al menos un administrador activo.',
      stale_version: 'Otra persona ha modificado este registro. Recárgalo para ver los cambios; no se ha guardado nada.',
      payload_too_large: 'La petición es demasiado grande.',
      file_too_large: 'El archivo supera el tamaño máximo de {{maxMb}} MB; no se ha guardado.',
      unsupported_media_type: 'Tipo de contenido no admitido.',
      too_many_attempts: 'Demasiados intentos. Espera unos minutos e inténtalo de nuevo.',
      internal: 'Ha ocurrido un error inesperado. Inténtalo de nuevo.',
    },
    fields: {
      required: 'Campo obligatorio.',
      too_short: 'Demasiado corto (mínimo {{minimum}}).',
      too_long: 'Demasiado largo (máximo {{maximum}}).',
      too_small: 'El valor es demasiado pequeño (mínimo {{minimum}}).',
      too_big: 'El valor es demasiado grande (máximo {{maximum}}).',
      too_many: 'Demasiados elementos (máximo {{maximum}}).',
      invalid_email: 'No es un correo electrónico válido.',
      invalid_uuid: 'No es un identificador válido.',
      invalid_format: 'El formato no es válido.',
      invalid_type: 'Tipo de dato no válido.',
      invalid_value: 'Valor no permitido.',
      unknown_field: 'Campo no admitido.',
      one_of: 'Indica exactamente una de las opciones.',
      unknown_user: 'Usuario desconocido o inactivo.',
      unknown_team: 'Equipo desconocido.',
      unknown_account: 'Cuenta desconocida.',
      wrong_kind: 'El tipo de cuenta no es el adecuado.',
      not_for_kind: 'Este campo no corresponde a este tipo de cuenta.',
      invalid: 'Valor no válido.',
      unknown_list_item: 'No es una opción disponible de la lista.',
      invalid_tax_id: 'El identificador fiscal no es válido para el país de la cuenta.',
      empty_file: 'El archivo está vacío o no tiene fila de encabezados.',
      system_item: 'Los elementos predefinidos no se pueden desactivar.',
      taken: 'Ya está en uso.',
      wrong_password: 'La contraseña no es correcta.',
      email_taken: 'Ya existe un usuario con ese correo electrónico.',
      not_an_image: 'El logotipo tiene que ser una imagen PNG, JPEG, WebP o GIF.',
    },
  },
  en: {
    errors: {
      validation_failed: 'Please check the data: some fields have errors.',
      bad_cursor: 'The page cursor is not valid; go back to the first page.',
      wrong_password: 'The current password is not correct.',
      invalid_reference: 'One of the referenced records does not exist.',
      unauthenticated: 'Please sign in to continue.',
      invalid_credentials: 'The e-mail or the password is not correct.',
      forbidden: 'You are not allowed to do this.',
      csrf_failed: 'Your session could not verify this request. Reload the page and try again.',
      not_found: 'Not found.',
      conflict: 'The operation conflicts with the current state.',
      email_taken: 'A user with that e-mail already exists.',
      setup_done: 'Cartera is already set up: please sign in.',
      team_not_empty: 'The team has members; move them before deleting it.',
      contact_exists: 'That person is already a contact of this organization.',
      last_admin: 'At least one active administrator must remain.',
      stale_version: 'Someone else has changed this record. Reload it to see their changes; nothing was saved.',
      payload_too_large: 'The request is too large.',
      file_too_large: 'The file is larger than the {{maxMb}} MB limit; it was not saved.',
      unsupported_media_type: 'Unsupported content type.',
      too_many_attempts: 'Too many attempts. Wait a few minutes and try again.',
      internal: 'Something unexpected went wrong. Please try again.',
    },
    fields: {
      required: 'Required.',
      too_short: 'Too short (at least {{minimum}}).',
      too_long: 'Too long (at most {{maximum}}).',
      too_small: 'The value is too small (at least {{minimum}}).',
      too_big: 'The value is too large (at most {{maximum}}).',
      too_many: 'Too many items (at most {{maximum}}).',
      invalid_email: 'Not a valid e-mail address.',
      invalid_uuid: 'Not a valid identifier.',
      invalid_format: 'The format is not valid.',
      invalid_type: 'Invalid data type.',
      invalid_value: 'Value not allowed.',
      unknown_field: 'Field not accepted.',
      one_of: 'Give exactly one of the options.',
      unknown_user: 'Unknown or inactive user.',
      unknown_team: 'Unknown team.',
      unknown_account: 'Unknown account.',
      wrong_kind: 'The account is not of the right kind.',
      not_for_kind: 'This field does not apply to this kind of account.',
      invalid: 'Invalid value.',
      unknown_list_item: 'Not an available option of the list.',
      invalid_tax_id: 'The tax id is not valid for the account’s country.',
      empty_file: 'The file is empty or has no header row.',
      system_item: 'Built-in items cannot be deactivated.',
      taken: 'Already in use.',
      wrong_password: 'The password is not correct.',
      email_taken: 'A user with that e-mail already exists.',
      not_an_image: 'The logo must be a PNG, JPEG, WebP or GIF image.',
    },
  },
};

const fill = (text: string, params: Record<string, unknown>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));

export const errorMessage = (language: Language, code: ErrorCode, params: Record<string, unknown> = {}): string =>
  fill(catalogues[language].errors[code], params);

export const fieldMessage = (language: Language, code: string, params: Record<string, unknown> = {}): string =>
  fill(catalogues[language].fields[code] ?? catalogues[language].fields.invalid ?? code, params);

export const errorTitles: Record<Language, Record<number, string>> = {
  es: { 400: 'Petición no válida', 401: 'No autenticado', 403: 'Prohibido', 404: 'No encontrado', 409: 'Conflicto', 412: 'Versión obsoleta', 413: 'Demasiado grande', 415: 'Tipo no admitido', 429: 'Demasiadas peticiones', 500: 'Error interno' },
  en: { 400: 'Bad request', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 412: 'Precondition failed', 413: 'Payload too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal error' },
};

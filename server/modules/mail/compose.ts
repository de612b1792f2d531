import type { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { textOf } from './html';
import type { MailAddress } from './smtp-config';

export type ComposedAttachment = { name: string; contentType: string; content: Readable };

export type MessageParts = {
  /** Also the Message-ID's local part. */
  id: string;
  from: MailAddress;
  replyTo: string | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  html: string;
  attachments: ComposedAttachment[];
  headers: Record<string, string>;
};

const mailbox = (address: MailAddress) => (address.name ? { name: address.name, address: address.address } : address.address);

/**
 * The message as bytes on the wire: multipart/alternative (text and HTML), attachments, names
 * encoded as RFC 2047 words when they are not ASCII. Bcc never appears: it is only in the envelope.
 */
export async function composeMessage(parts: MessageParts): Promise<Buffer> {
  const domain = parts.from.address.split('@')[1] ?? 'localhost';
  const composer = new MailComposer({
    from: mailbox(parts.from),
    ...(parts.replyTo ? { replyTo: parts.replyTo } : {}),
    to: parts.to.map(mailbox),
    ...(parts.cc.length > 0 ? { cc: parts.cc.map(mailbox) } : {}),
    subject: parts.subject,
    text: textOf(parts.html),
    html: parts.html,
    messageId: `<${parts.id}@${domain}>`,
    date: new Date(),
    headers: parts.headers,
    attachments: parts.attachments.map((attachment) => ({ filename: attachment.name, contentType: attachment.contentType, content: attachment.content })),
  });
  return composer.compile().build();
}

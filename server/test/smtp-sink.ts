import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message as it reached the test SMTP server: the envelope and the exact bytes of the DATA. */
export type Received = { from: string; to: string[]; raw: Buffer; text: string };

/**
 * What the server answers to a message (counted from 1 across the server's life): take it, refuse
 * it with a code (451 temporary, 550 permanent), or drop the connection after reading the whole
 * message without answering (the sender cannot know whether it was taken).
 */
export type DataAnswer = 'accept' | { code: number; message: string } | 'drop-after-data';
export type RcptAnswer = 'accept' | { code: number; message: string } | 'drop';

export type SmtpSink = {
  port: number;
  received: Received[];
  /** Messages the server read in full, whatever it answered. */
  attempts: number;
  onData: (answer: (index: number, message: Received) => DataAnswer | Promise<DataAnswer>) => void;
  onRcpt: (answer: (address: string) => RcptAnswer) => void;
  /** Resolves once `count` messages have been accepted. */
  waitFor: (count: number, timeoutMs?: number) => Promise<Received[]>;
  close: () => Promise<void>;
};

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** The socket of a session, to drop it the way a crashed server or a cut network would. */
function dropSession(server: SMTPServer, session: SMTPServerSession): void {
  const connections: unknown = Reflect.get(server, 'connections');
  if (!(connections instanceof Set)) throw new Error('smtp-server internals changed: no connections set');
  for (const connection of connections) {
    const own: unknown = Reflect.get(connection, 'session');
    const socket: unknown = Reflect.get(connection, '_socket');
    if (typeof own === 'object' && own !== null && Reflect.get(own, 'id') === session.id && socket && typeof socket === 'object' && 'destroy' in socket) {
      const destroy: unknown = Reflect.get(socket, 'destroy');
      if (typeof destroy === 'function') Reflect.apply(destroy, socket, []);
    }
  }
}

/** A real SMTP server (smtp-server) on a free loopback port, without TLS or auth: what Cartera's tests send to. */
export async function startSmtpSink(): Promise<SmtpSink> {
  let dataAnswer: (index: number, message: Received) => DataAnswer | Promise<DataAnswer> = () => 'accept';
  let rcptAnswer: (address: string) => RcptAnswer = () => 'accept';
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  let attempts = 0;
  const server: SMTPServer = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 50 * 1024 * 1024,
    onRcptTo(address, session, callback) {
      const answer = rcptAnswer(address.address);
      if (answer === 'drop') {
        dropSession(server, session);
        return;
      }
      callback(answer === 'accept' ? null : smtpError(answer.code, answer.message));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => void (async () => {
        attempts += 1;
        const raw = Buffer.concat(chunks);
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          text: raw.toString('utf8'),
        };
        const answer = await dataAnswer(attempts, message);
        if (answer === 'drop-after-data') {
          dropSession(server, session);
          return;
        }
        if (answer !== 'accept') {
          callback(smtpError(answer.code, answer.message));
          return;
        }
        received.push(message);
        callback(null, `Queued as m${received.length}`);
        for (const wake of waiters.splice(0)) wake();
      })());
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address: unknown = Reflect.get(server, 'server');
      const bound = address && typeof address === 'object' && 'address' in address && typeof address.address === 'function' ? address.address() : null;
      resolve(bound && typeof bound === 'object' && 'port' in bound && typeof bound.port === 'number' ? bound.port : 0);
    });
  });
  server.on('error', () => undefined);
  return {
    port,
    received,
    get attempts() {
      return attempts;
    },
    onData: (answer) => { dataAnswer = answer; },
    onRcpt: (answer) => { rcptAnswer = answer; },
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages at the SMTP server, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

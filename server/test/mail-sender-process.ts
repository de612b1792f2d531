// A mail sender in a process of its own, for the test that kills it mid-batch (SIGKILL: no
// cleanup runs, exactly like a crashed or OOM-killed app process). Argument: JSON with the
// database's ConnectOptions and the app's data dir.
import { loadConfig } from '@server/config';
import { connect, type ConnectOptions } from '@server/db/connect';
import { diskStorage } from '@server/lib/storage';
import { MailSender } from '@server/modules/mail/mail-sender';
import path from 'node:path';

const input: { database: ConnectOptions; dataDir: string } = JSON.parse(process.argv[2] ?? '{}');
const handle = connect(input.database);
const config = loadConfig({ CARTERA_DATA_DIR: input.dataDir, LOG_LEVEL: 'silent' });
const sender = new MailSender({ db: handle.db, storage: diskStorage(path.join(input.dataDir, 'files')), config }, { pollMs: 20 });
sender.start();
process.stdout.write('ready\n');

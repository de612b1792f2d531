import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginSchema, meSchema, meUpdateSchema, passwordChangeSchema, setupSchema, setupStatusSchema } from '@contract/auth';
import { actorOf } from '@server/plugins/request-context';
import { AppError } from '@server/lib/errors';
import { actorById, changeOwnPassword, createFirstAdmin, login, needsSetup, presentMe, updateMe } from './auth.service';
import { createSession, deleteSession, sessionCookie } from './session.repo';
import { noContent, problems } from '@server/plugins/documented-responses';

const tags = ['auth'];
const publicRoute = { public: true };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.sessionDays * 86_400,
    });

  app.post('/auth/login', { config: publicRoute, schema: { tags, body: loginSchema, response: { 200: meSchema, ...problems(401, 429) } } }, async (request, reply) => {
    if (request.session) await deleteSession(db, request.session.id);
    const started = await login(db, request.body.email, request.body.password, request.ip, config.sessionDays).catch((error: unknown) => {
      // Headers set before the throw go out with the problem+json answer.
      if (error instanceof AppError && error.code === 'too_many_attempts') reply.header('retry-after', String(error.params.retryAfter ?? 60));
      throw error;
    });
    setCookie(reply, started.token);
    return presentMe(db, await actorById(db, started.userId), started.csrfToken);
  });

  // Private like any write, CSRF header included: a page elsewhere must not sign the user out.
  app.post('/auth/logout', { schema: { tags, response: { 204: noContent } } }, async (request, reply) => {
    if (request.session) await deleteSession(db, request.session.id);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/me', { schema: { tags, response: { 200: meSchema } } }, async (request) => {
    const session = request.session;
    if (!session) throw new AppError('unauthenticated');
    return presentMe(db, actorOf(request), session.csrfToken);
  });

  app.patch('/me', { schema: { tags, body: meUpdateSchema, response: { 200: meSchema } } }, async (request) => {
    const session = request.session;
    if (!session) throw new AppError('unauthenticated');
    const actor = await updateMe(db, actorOf(request), request.body);
    request.language = actor.language;
    return presentMe(db, actor, session.csrfToken);
  });

  app.post('/me/password', { schema: { tags, body: passwordChangeSchema, response: { 204: noContent } } }, async (request, reply) => {
    const session = request.session;
    if (!session) throw new AppError('unauthenticated');
    await changeOwnPassword(db, actorOf(request), session.id, request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send();
  });

  app.get('/setup', { config: publicRoute, schema: { tags, response: { 200: setupStatusSchema } } }, async () => ({
    needsSetup: await needsSetup(db),
  }));

  app.post('/setup', { config: publicRoute, schema: { tags, body: setupSchema, response: { 200: meSchema, ...problems(409) } } }, async (request, reply) => {
    const userId = await createFirstAdmin(db, request.body);
    const started = await createSession(db, userId, config.sessionDays);
    setCookie(reply, started.token);
    return presentMe(db, await actorById(db, userId), started.csrfToken);
  });
};

import { Router, type Request, type RequestHandler } from 'express';
import session, { type SessionData } from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Config } from '../platform/config.js';
import type { SessionUser } from './permissions.js';
import { signIn } from './sign-in.js';
import type { LoginThrottle } from './login-throttle.js';
import { actingUser, findActiveUserById } from './users.js';

declare module 'express-session' {
  interface SessionData {
    csrfToken: string;
    /** When the user signed in (ms since epoch): the absolute lifetime counts from here. */
    authenticatedAt: number;
  }
}

export const SESSION_COOKIE = 'ctd.sid';
/** The one read that starts a session for a visitor without one (auth.routes.ts): sign-in needs its token. */
export const CSRF_PATH = '/auth/csrf';

/**
 * A read by a visitor with no session cookie: there is no session to load, and one made for it would
 * not be kept (saveUninitialized: false), yet making it draws a random id: a cost every anonymous
 * directory request paid for nothing.
 */
const anonymousRead = (req: Request): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  !req.headers.cookie?.includes(`${SESSION_COOKIE}=`) &&
  !req.path.endsWith(CSRF_PATH);

type StoreClient = NonNullable<Parameters<typeof MongoStore.create>[0]['client']>;

/** Passport, configured once per app: local strategy by email and password, user id in the session. */
export function createAuthenticator(throttle: LoginThrottle): passport.Authenticator {
  const authenticator = new passport.Authenticator();
  authenticator.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      signIn({ email, password, ip: req.ip ?? 'unknown' }, throttle).then(
        (user) => done(null, user ?? false),
        (err: unknown) => done(err),
      );
    }),
  );
  authenticator.serializeUser<string>((user, done) => done(null, (user as SessionUser).id));
  authenticator.deserializeUser<string>((id, done) => {
    // Read on every request: a deactivated account, a changed role or a changed organisation takes effect at once.
    findActiveUserById(id)
      .then((user) => (user ? actingUser(user) : null))
      .then(
        (user) => done(null, user ?? false),
        (err: unknown) => done(err),
      );
  });
  return authenticator;
}

/**
 * Sessions in MongoDB through Mongoose's own client. Rolling idle timeout via the cookie and the
 * stored expiry (checked on read; expired rows removed on an interval, no TTL index needed), and an
 * absolute lifetime counted from sign-in.
 */
export function sessionMiddleware(config: Config, authenticator: passport.Authenticator): RequestHandler[] {
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const maxMs = config.SESSION_MAX_HOURS * 3_600_000;
  const store = MongoStore.create({
    // Mongoose bundles its own copy of the driver; the client is the same at run time.
    client: mongoose.connection.getClient() as unknown as StoreClient,
    dbName: mongoose.connection.db?.databaseName,
    collectionName: 'sessions',
    stringify: false,
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    ttl: idleMs / 1000,
    // Renewing the stored expiry is a database write; on every signed-in request it was the largest
    // cost of a read such as the inbox. Once a minute (a tenth of the idle time when shorter) is
    // enough: the session then ends at most that much before its idle time, never after.
    touchAfter: Math.min(60, idleMs / 10_000),
  });
  // connect-mongo reads a session with `{ _id, $or: [expiry conditions] }`, which the embedded database
  // answers by decoding every session; read by _id alone and check the expiry here.
  // As connect-mongo's own read does, the session carries when it was last stored: touch() needs it to
  // skip renewals within touchAfter (without it every request writes).
  const sessions = () => mongoose.connection.collection<{ _id: string; session: SessionData; expires?: Date; lastModified?: Date }>('sessions');
  store.get = (sid, callback) => {
    sessions()
      .findOne({ _id: sid })
      .then(
        (doc) => callback(null, doc && (!doc.expires || doc.expires > new Date()) ? { ...doc.session, ...(doc.lastModified ? { lastModified: doc.lastModified } : {}) } : null),
        (err: unknown) => callback(err),
      );
  };

  const absoluteLifetime: RequestHandler = (req, _res, next) => {
    const since = req.session.authenticatedAt;
    if (since === undefined || Date.now() - since <= maxMs) return next();
    req.session.regenerate(next);
  };

  const stack = Router();
  stack.use(
    session({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: config.TRUST_PROXY,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, maxAge: idleMs, path: '/' },
    }),
    absoluteLifetime,
    authenticator.initialize(),
    authenticator.session(),
  );
  return [(req, res, next) => (anonymousRead(req) ? next() : stack(req, res, next))];
}

/**
 * The submission pipeline: a POST of the form runs the named checks of `checks.ts` in order, fetching
 * what each needs (the body, the post, the parent, the clock); the first refusal answers, and nothing is
 * stored. Success stores the comment and answers 303 (or 201 for the script).
 */
import { clientAddress, floodKey } from '../../lib/address.ts';
import { avatarHash } from '../../lib/avatar.ts';
import { verifyToken } from '../../lib/token.ts';
import { validateFields, type Rejection } from '../../lib/validate.ts';
import type { HandlerContext, Receiver } from '../context.ts';
import { accepted, refuse, type Answer } from '../respond.ts';
import {
  checkBody,
  checkDepth,
  checkFlood,
  checkHoneypot,
  checkMediaType,
  checkOrigin,
  checkParentId,
  checkPost,
  checkToken,
  keepable,
  STORAGE,
  SYNTAX,
} from './checks.ts';
import { newComment, replyDepth, save } from './store.ts';

const STORE_FAILED = Symbol('store failed');

/**
 * A step that reads or writes the store (or its flood table): a failure (a database down, a broken
 * file) is logged and becomes STORE_FAILED, which the pipeline answers 503 with the storage message.
 */
async function storeStep<T>(
  receiver: Receiver,
  step: () => T | Promise<T>,
): Promise<T | typeof STORE_FAILED> {
  try {
    return await step();
  } catch (error) {
    receiver.logger.error(`khabar-comments: the store failed: ${String(error)}`);
    return STORE_FAILED;
  }
}

/** The body's bytes, or undefined when the client's stream broke off. */
async function readBody(request: Request): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await request.arrayBuffer());
  } catch {
    return undefined;
  }
}

export async function submitComment(
  receiver: Receiver,
  request: Request,
  context: HandlerContext,
  answer: Answer,
): Promise<Response> {
  const { config } = receiver;
  const no = (rejection: Rejection, overrides: Partial<Answer> = {}) =>
    refuse(receiver, rejection, { ...answer, ...overrides });

  // 1. The body's size was capped by the router's bodyLimit, declared or streamed.
  // 2. Origin allow-list.
  const origin = checkOrigin(request.headers.get('origin'), request.headers.get('referer'), receiver.allowed);
  if (!origin.ok) return no(origin.rejection, { origin: null });
  answer.origin = origin.value;
  // 3. Media type.
  const kind = checkMediaType(request.headers.get('content-type'));
  if (!kind.ok) return no(kind.rejection);
  const raw = await readBody(request);
  if (!raw) return no(SYNTAX);
  // 4. Only known fields, strict UTF-8.
  const fields = checkBody(raw, kind.value);
  if (!fields.ok) return no(fields.rejection);
  // 5–6. NFC, control, bidi and zero-width characters, lengths, e-mail, URL.
  const validation = validateFields(fields.value, config.limits, config.requireNameEmail);
  if (!validation.ok) {
    // Keep the reader's text when the post is known, so the error page can offer it back.
    const postId = fields.value.comment_post_ID;
    const post = postId?.isWellFormed() ? await receiver.findPost(postId.normalize('NFC')) : undefined;
    return no(validation.rejection, { post, submission: post ? keepable(fields.value) : undefined });
  }
  const submission = validation.value;
  // 7. The post exists and is open.
  const at = receiver.now();
  const found = await receiver.findPost(submission.postId);
  const post = checkPost(found, config.closeAfterDays, at);
  // A closed post's page offers a way back, not the form.
  if (!post.ok) return no(post.rejection, { post: found });
  answer.post = post.value;
  answer.submission = submission;
  // 8. The parent is approved, on the same post, and the depth is allowed.
  if (submission.parentId !== null) {
    const parentId = submission.parentId;
    const badId = checkParentId(parentId);
    if (badId) return no(badId);
    const depth = await storeStep(receiver, () => replyDepth(receiver.store, parentId, post.value.id));
    if (depth === STORE_FAILED) return no(STORAGE);
    const refused = checkDepth(depth, config.maxDepth);
    if (refused) return no(refused);
  }
  // 9. Honeypot, then the time token.
  const honeypot = checkHoneypot(submission);
  if (honeypot) return no(honeypot, { submission: undefined });
  const token = await verifyToken(config.secret, submission.token, post.value.id, at, receiver.tokenPolicy);
  const badToken = checkToken(token, config.limits.minSeconds);
  if (badToken) return no(badToken);
  // 10. Flood control per address (believing only trusted proxies).
  const address = clientAddress(
    context.clientAddress,
    request.headers.get('x-forwarded-for'),
    config.trustedProxies,
  );
  let release: () => void = () => undefined;
  if (address && config.limits.floodSeconds > 0) {
    const key = floodKey(address);
    const wait = await storeStep(receiver, () =>
      receiver.flood.reserve(key, at, config.limits.floodSeconds * 1000),
    );
    if (wait === STORE_FAILED) return no(STORAGE);
    const flood = checkFlood(wait);
    if (flood) return no(flood);
    release = () => {
      // The slot is given back without waiting: a failure only keeps the reader waiting one window.
      void Promise.resolve()
        .then(() => receiver.flood.release(key, at))
        .catch((error: unknown) => {
          receiver.logger.error(`khabar-comments: could not release a flood slot: ${String(error)}`);
        });
    };
  } else if (!address) receiver.warnNoAddress();
  // 11–12. Duplicates, moderation, storage.
  const avatar = await avatarHash(config.secret, submission.email, submission.author);
  const userAgent = request.headers.get('user-agent');
  const comment = newComment({ submission, post: post.value, at, avatar, address, userAgent });
  const refused = await save(receiver, comment, release);
  if (refused) return no(refused);
  receiver.onAccepted?.(comment);
  if (comment.status === 'approved') receiver.deploy();
  return accepted(receiver, comment, answer, post.value);
}

/** The pure core: every function here takes plain data and is unit-tested without a build. */
export { clientAddress, floodKey, inRanges, isAddressOrRange, parseIp, truncateIp } from './address.ts';
export { avatarHash, avatarShapes, avatarSvg, type AvatarShapes } from './avatar.ts';
export { commentDatetime, isTimeZone } from './date.ts';
export { FIELDS, parseFormBody, parseJsonBody, type FieldName, type Fields } from './body.ts';
export { MemoryFloodGuard, type FloodGuard } from './flood.ts';
export { newCommentId } from './ids.ts';
export { escapeHtml } from './escape.ts';
export { excerpt, LINK_REL, renderInline, renderMarkdown } from './markdown.ts';
export { toRuntimeConfig, type CommentsRuntimeConfig } from '../config/runtime-config.ts';
export { commentPost, commentsClosed, postClosed, type PostFacts, type PostRules } from './post.ts';
export {
  defaultStrings,
  format,
  formatCommentDate,
  formatCount,
  resolveStrings,
  type StringKey,
  type Strings,
} from '../config/strings.ts';
export {
  byteLength,
  charLength,
  checkCommentText,
  checkLineText,
  hasLetterOrDigit,
  hasMarkup,
  hasVisibleContent,
  normalizeText,
} from './text.ts';
export {
  countByPost,
  replyDepth,
  threadComments,
  type ThreadableComment,
  type ThreadNode,
} from './thread.ts';
export { issueToken, verifyToken, type TokenCheck, type TokenPolicy } from './token.ts';
export { isPrivateHost, originOf, parseWebsite, receiverUrl, safeLinkHref, siteRedirect } from './url.ts';
export { validateFields, type Rejection, type Submission } from './validate.ts';

import { z } from 'astro/zod';

/** A folder of the site, as the Git repository holds it: no leading or trailing slash. */
const FolderSchema = (what: string, example: string) =>
  z
    .string()
    .trim()
    .transform((folder) => folder.replace(/^\.?\/+|\/+$/g, ''))
    .refine((folder) => !folder.split('/').includes('..'), {
      error: `must stay inside the repository (no ".."): ${what}, e.g. "${example}"`,
    });

/** What every Git host's sign-in shares: the repository and the branch the editor commits to. */
const GitBackendFields = {
  /**
   * The repository, `owner/name` (on GitLab `group/subgroup/project`).
   * @example repo: 'newsroom/site'
   */
  repo: z
    .string({ error: 'is required: the repository the stories live in, "owner/name"' })
    .regex(/^[^/\s]+(?:\/[^/\s]+)+$/, { error: 'must be "owner/name", e.g. "newsroom/site"' }),
  /**
   * The branch the editor reads and commits to; the repository's default branch when absent.
   * @example branch: 'main'
   */
  branch: z.string().min(1).optional(),
  /**
   * The host's API, for a self-hosted GitLab, Gitea or Forgejo (or GitHub Enterprise).
   * @example api_root: 'https://git.newsroom.example/api/v1'
   */
  api_root: z.url().optional(),
  /**
   * Where sign-in starts: the OAuth relay for GitHub, the host itself for GitLab, Gitea and Forgejo.
   * @example base_url: 'https://auth.newsroom.example'
   */
  base_url: z.url().optional(),
  /**
   * The OAuth application's id, for PKCE sign-in (GitLab, Gitea, Forgejo) with no relay.
   * @example app_id: '0a1b2c3d-…'
   */
  app_id: z.string().min(1).optional(),
  /**
   * How journalists sign in: `oauth` (the host's sign-in page), `token` (a personal access token), or
   * both (the default).
   * @example auth_methods: ['oauth']
   */
  auth_methods: z
    .array(z.enum(['oauth', 'token']))
    .min(1)
    .optional(),
};

/**
 * Where the editor reads and writes stories: a Git host. On `localhost` every backend also offers to
 * work on a local copy of the repository (the browser's folder picker), which needs no sign-in.
 */
const BackendSchema = z.discriminatedUnion(
  'name',
  [
    z.object({ name: z.literal('github'), ...GitBackendFields }).strict(),
    z
      .object({
        name: z.literal('gitlab'),
        ...GitBackendFields,
        /**
         * `pkce`: sign-in with the OAuth application's id alone, no relay (recommended).
         * @example auth_type: 'pkce'
         */
        auth_type: z.literal('pkce').optional(),
      })
      .strict(),
    z.object({ name: z.literal('gitea'), ...GitBackendFields }).strict(),
  ],
  {
    error:
      'must name a Git host: { name: "github" | "gitlab" | "gitea", repo: "owner/name" } (Forgejo is "gitea")',
  },
);

/** The editor's options, when on. */
const CmsObjectSchema = () =>
  z
    .object({
      /**
       * The Git host and repository the editor commits to.
       * @example backend: { name: 'github', repo: 'newsroom/site', base_url: 'https://auth.newsroom.example' }
       */
      backend: BackendSchema,
      /**
       * `editorial_workflow`: a saved story is a draft, then in review, then published (a branch
       * and a pull or merge request per story; GitHub and GitLab only). `simple` (the default):
       * saving publishes, one commit on the branch.
       * @example publishMode: 'editorial_workflow'
       */
      publishMode: z.enum(['simple', 'editorial_workflow']).default('simple'),
      /**
       * The site's folder inside the repository, when the site is not at its root (a monorepo).
       * @example root: 'sites/news'
       */
      root: FolderSchema('the site’s folder inside the repository', 'sites/news').default(''),
      /**
       * The folders of the collections and of uploaded pictures, from the site's root. The defaults
       * are the theme's loaders' (`articlesLoader()`, `authorsLoader()`).
       * @example folders: { articles: 'src/content/stories' }
       */
      folders: z
        .object({
          articles: FolderSchema('the stories', 'src/content/articles').default('src/content/articles'),
          authors: FolderSchema('the authors', 'src/content/authors').default('src/content/authors'),
          /** Where a story's uploaded pictures go. */
          articleMedia: FolderSchema('the stories’ pictures', 'src/assets/articles').default(
            'src/assets/articles',
          ),
          /** Where an author's uploaded portrait goes. */
          authorMedia: FolderSchema('the authors’ portraits', 'src/assets/authors').default(
            'src/assets/authors',
          ),
        })
        .strict()
        .prefault({}),
    })
    .strict();

/** Whether the option is `false` or an object: what the shape of the option can be, checked first. */
function falseOrObject(value: unknown): boolean {
  return value === false || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

/**
 * The web editor at `/admin/` (Sveltia CMS, installed by the site: `pnpm add @sveltia/cms`). Off by
 * default; an object with a `backend` turns it on. Its fields are generated from the theme's article
 * and author schemas (`lib/cms/`).
 * @example cms: { backend: { name: 'gitlab', repo: 'newsroom/site', auth_type: 'pkce', app_id: '…' } }
 */
export const CmsSchema = () => {
  // A union of `false` and the object would report only "Invalid input" for a bad object: the object
  // is checked on its own, so the error names the field at fault (`cms.backend.repo`).
  const options = z
    .preprocess((value) => (value === false ? undefined : value), CmsObjectSchema().optional())
    .transform((value) => value ?? false);
  type Input = false | z.input<ReturnType<typeof CmsObjectSchema>>;
  return z
    .custom<Input>(falseOrObject, {
      error: 'must be false or { backend: { name: "github" | "gitlab" | "gitea", repo: "owner/name" } }',
    })
    .pipe(options as unknown as z.ZodType<z.output<typeof options>, Input>)
    .default(false);
};

/** The `cms` option as the site writes it. */
export type CmsUserOptions = z.input<ReturnType<typeof CmsSchema>>;
/** The `cms` option after validation, when on. */
export type CmsOptions = Exclude<z.output<ReturnType<typeof CmsSchema>>, false>;

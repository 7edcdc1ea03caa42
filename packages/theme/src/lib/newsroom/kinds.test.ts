import { describe, expect, it } from 'vitest';
import {
  isLive,
  jsonLdType,
  kindLabel,
  liveUpdates,
  STORY_JSON_LD_TYPES,
  updateAnchor,
  updateProblems,
  updateStoryId,
  type StoryKind,
} from './kinds.ts';
import ar from '../../translations/ar.json' with { type: 'json' };

const KINDS: StoryKind[] = ['news', 'live', 'opinion', 'analysis', 'explainer', 'interview', 'gallery'];

describe('story kinds', () => {
  it('gives every kind but news a label the Arabic strings have', () => {
    expect(kindLabel('news')).toBeUndefined();
    const labels = KINDS.filter((k) => k !== 'news').map((k) => {
      const id = kindLabel(k);
      return id && ar[id];
    });
    expect(labels).toEqual(['مباشر', 'رأي', 'تحليل', 'شرح', 'مقابلة', 'صور']);
  });

  it('maps each kind to its schema.org type, all of them in STORY_JSON_LD_TYPES', () => {
    expect(KINDS.map(jsonLdType)).toEqual([
      'NewsArticle',
      'LiveBlogPosting',
      'OpinionNewsArticle',
      'AnalysisNewsArticle',
      'BackgroundNewsArticle',
      'NewsArticle',
      'NewsArticle',
    ]);
    for (const kind of KINDS) expect(STORY_JSON_LD_TYPES).toContain(jsonLdType(kind));
  });
});

describe('live coverage', () => {
  const at = (iso: string) => new Date(iso);

  it('is live until its coverage ended, and forever without an end', () => {
    const ended = { coverageEnded: at('2016-12-01T23:00:00+02:00') };
    expect(isLive(ended, at('2016-12-01T22:59:00+02:00'))).toBe(true);
    expect(isLive(ended, at('2016-12-01T23:00:00+02:00'))).toBe(false);
    expect(isLive({}, at('2099-01-01T00:00:00Z'))).toBe(true);
  });

  it('shows the updates posted by now, newest first; the later file first within a minute', () => {
    const update = (id: string, iso: string) => ({ id, data: { time: at(iso) } });
    const updates = [
      update('storm/0715', '2016-12-01T07:15:00+02:00'),
      update('storm/1930', '2016-12-01T19:30:00+02:00'),
      update('storm/1005', '2016-12-01T10:05:00+02:00'),
      update('storm/1005b', '2016-12-01T10:05:00+02:00'),
    ];
    expect(liveUpdates(updates, at('2016-12-01T18:00:00+02:00')).map((u) => u.id)).toEqual([
      'storm/1005b',
      'storm/1005',
      'storm/0715',
    ]);
    expect(liveUpdates(updates, at('2016-12-01T19:30:00+02:00'))[0]?.id).toBe('storm/1930');
  });

  it('names an update by its folder (the story) and its file (the anchor)', () => {
    expect(updateStoryId('storm-live/1420')).toBe('storm-live');
    expect(updateStoryId('2016/storm/1420')).toBe('2016/storm');
    expect(updateStoryId('1420')).toBe('');
    expect(updateAnchor('storm-live/1420')).toBe('update-1420');
  });

  it('names the file and the fix for an update without a story, or for a story that is not live', () => {
    const stories = new Map<string, { kind: StoryKind }>([
      ['storm', { kind: 'live' }],
      ['budget', { kind: 'news' }],
    ]);
    expect(
      updateProblems(
        [
          { id: 'storm/0715', filePath: 'src/content/updates/storm/0715.md' },
          { id: 'budget/0900', filePath: 'src/content/updates/budget/0900.md' },
          { id: 'strom/0900', filePath: 'src/content/updates/strom/0900.md' },
          { id: '0900', filePath: 'src/content/updates/0900.md' },
        ],
        stories,
      ),
    ).toEqual([
      'src/content/updates/budget/0900.md: the story "budget" is not live coverage. Add "kind: live" to its frontmatter, or move the update.',
      'src/content/updates/strom/0900.md: there is no story "strom" for this update. Name the folder after the live story\'s file (without .md), or add the story.',
      'src/content/updates/0900.md: a live update goes in a folder named for its story, e.g. src/content/updates/<story>/0900.md',
    ]);
  });
});

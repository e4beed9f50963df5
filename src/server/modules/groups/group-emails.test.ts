import { describe, expect, it } from 'vitest';
import { DIGEST_POSTS_PER_DISCUSSION, digestDiscussions, digestEmail, type DigestPost } from './group-emails.ts';

const post = (threadId: string, n: number, group = 'Energy and buildings'): DigestPost => ({
  group,
  threadId,
  thread: `Discussion ${threadId}`,
  postId: `${threadId}-${n}`,
  author: `Author ${n}`,
  bodyHtml: `<p>Post ${n}</p>`,
});
const urlOf = (id: string) => `https://peercities.example/discussions/${id}`;

describe('the daily digest', () => {
  it('counts every new post of a busy discussion but excerpts only its latest few', () => {
    const excerpted: string[] = [];
    const excerpt = (postId: string, html: string) => {
      excerpted.push(postId);
      return html.replace(/<[^>]+>/g, '');
    };
    const posts = [...Array.from({ length: 8 }, (_, i) => post('a', i + 1)), post('b', 1), post('c', 1, 'Mobility')];
    const discussions = digestDiscussions(posts, urlOf, excerpt);

    expect(discussions.map((d) => [d.group, d.title, d.newPosts, d.latest.length])).toEqual([
      ['Energy and buildings', 'Discussion a', 8, DIGEST_POSTS_PER_DISCUSSION],
      ['Energy and buildings', 'Discussion b', 1, 1],
      ['Mobility', 'Discussion c', 1, 1],
    ]);
    // The latest five of discussion a, oldest first.
    expect(discussions[0]?.latest.map((p) => p.excerpt)).toEqual(['Post 4', 'Post 5', 'Post 6', 'Post 7', 'Post 8']);
    expect(excerpted).toEqual(['a-4', 'a-5', 'a-6', 'a-7', 'a-8', 'b-1', 'c-1']);

    const email = digestEmail({ to: 'anna@lahti.fi', name: 'Anna', discussions, preferencesUrl: 'https://peercities.example/account' });
    expect(email.subject).toBe('peercities: 10 new posts in your discussion groups');
    expect(email.text).toContain(
      'Energy and buildings\n' +
        '  “Discussion a”: 8 new posts, the latest 5\n' +
        '    • Author 4: Post 4\n' +
        '    • Author 5: Post 5\n' +
        '    • Author 6: Post 6\n' +
        '    • Author 7: Post 7\n' +
        '    • Author 8: Post 8\n' +
        '    Read them all: https://peercities.example/discussions/a\n' +
        '\n' +
        '  “Discussion b”: 1 new post\n' +
        '    • Author 1: Post 1\n' +
        '    Read: https://peercities.example/discussions/b\n' +
        '\n' +
        'Mobility\n' +
        '  “Discussion c”: 1 new post',
    );
    expect(email.text).toContain('To stop it, change your preferences: https://peercities.example/account');
  });

  it('keeps apart two discussions with the same title', () => {
    const twin = { ...post('b', 1), thread: 'Discussion a' };
    const discussions = digestDiscussions([post('a', 1), twin], urlOf, (_id, html) => html);
    expect(discussions.map((d) => [d.url, d.newPosts])).toEqual([
      [urlOf('a'), 1],
      [urlOf('b'), 1],
    ]);
  });
});

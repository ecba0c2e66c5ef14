import { describe, expect, it } from 'vitest';
import { detectArticleDate, type PageMeta } from '../../src/core/articleDate';

const empty: PageMeta = { jsonLd: [], metas: [], times: [] };
const detect = (meta: Partial<PageMeta>, text = '') => detectArticleDate({ ...empty, ...meta }, text, '2026-11-28');

describe('article date', () => {
  it('reads JSON-LD datePublished, in arrays and @graph', () => {
    expect(detect({ jsonLd: ['{"@type":"NewsArticle","datePublished":"2024-01-31T18:42:00+00:00"}'] })).toMatchObject({ date: '2024-01-31', source: 'metadata', detail: 'JSON-LD datePublished' });
    expect(detect({ jsonLd: ['[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2023-05-02"}]'] }).date).toBe('2023-05-02');
    expect(detect({ jsonLd: ['{"@graph":[{"@type":"Organization"},{"@type":"Article","datePublished":"2022-09-06T09:00:00Z"}]}'] }).date).toBe('2022-09-06');
  });
  it('keeps the publisher’s calendar date whatever the offset (time-zone safe)', () => {
    expect(detect({ jsonLd: ['{"@type":"NewsArticle","datePublished":"2024-07-04T23:30:00-05:00"}'] }).date).toBe('2024-07-04');
  });
  it('ignores broken JSON-LD and falls back to meta tags', () => {
    expect(detect({ jsonLd: ['{not json'], metas: [['article:published_time', '2021-01-20T17:00:00Z']] })).toMatchObject({ date: '2021-01-20', detail: 'meta article:published_time' });
    expect(detect({ metas: [['parsely-pub-date', '2019-07-24']] }).date).toBe('2019-07-24');
    expect(detect({ metas: [['sailthru.date', '2016-06-24 08:00:00']] }).date).toBe('2016-06-24');
  });
  it('uses <time datetime>, then the URL, then a dateline', () => {
    expect(detect({ times: ['2020-03-23T20:30'] })).toMatchObject({ date: '2020-03-23', detail: '<time datetime>' });
    expect(detect({ url: 'https://news.example/politics/2024/01/31/story' })).toMatchObject({ date: '2024-01-31', detail: 'date in the URL' });
    expect(detect({}, 'LONDON — Wednesday 31 January 2024. The Home Secretary…')).toMatchObject({ date: '2024-01-31', source: 'text' });
    expect(detect({}, 'Published January 31, 2024')).toMatchObject({ date: '2024-01-31', source: 'text' });
  });
  it('rejects impossible dates and falls back to today', () => {
    expect(detect({ metas: [['article:published_time', '2024-13-45']] })).toMatchObject({ date: '2026-11-28', source: 'today' });
    expect(detect({ url: 'https://x.example/2023/02/30/a' }).source).toBe('today');
  });
});

import { describe, expect, it } from 'vitest';
import { stripComments } from './comments';

describe('stripComments', () => {
  it('removes inline comments and returns their text and line', () => {
    expect(stripComments('a\nb %%secret [[X]]%% c')).toEqual({ text: 'a\nb  c', comments: [{ text: 'secret [[X]]', line: 2 }] });
  });

  it('keeps the line breaks of a block comment so later lines keep their numbers', () => {
    const { text, comments } = stripComments('one\n%%\nhidden #tag\n%%\nfour');
    expect(text).toBe('one\n\n\n\nfour');
    expect(text.split('\n')[4]).toBe('four');
    expect(comments).toEqual([{ text: '\nhidden #tag\n', line: 2 }]);
  });

  it('ignores %% inside fenced code and inline code', () => {
    const input = '```\n%% not a comment %%\n```\n`%%x%%` and ``a `%%` b``\n> ~~~\n> %%\n> ~~~';
    expect(stripComments(input)).toEqual({ text: input, comments: [] });
  });

  it('treats unmatched backticks as literal', () => {
    expect(stripComments('a ` b %%c%%').text).toBe('a ` b ');
  });

  it('hides everything after an unclosed %%, as Obsidian does', () => {
    expect(stripComments('shown\n%% private\nstill private')).toEqual({ text: 'shown\n\n', comments: [{ text: ' private\nstill private', line: 2 }] });
  });
});

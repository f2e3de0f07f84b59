import { z } from 'zod';
import { FakeGitHub, clientForFake } from '../support/fake-github';
import { checkAnswer } from '../../src/github/answers';
import {
  ForbiddenError,
  UnexpectedAnswerError,
  getRepoInteractionLimit,
  readableErrorMessage,
  summarizeErrorBody,
} from '../../src/github';

const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>
  502 Bad Gateway &#8211; proxy.corp.example
</title><style>${'body{color:red}'.repeat(500)}</style></head>
<body><h1>Bad Gateway</h1><p>upstream: api.github.com</p></body></html>`;

describe('summarizeErrorBody (issue 12.9)', () => {
  test("GitHub's JSON error: its message and documentation URL", () => {
    expect(
      summarizeErrorBody({
        message: 'Must have admin rights to Repository.',
        documentation_url: 'https://docs.github.com/rest',
      }),
    ).toBe('"Must have admin rights to Repository." (see https://docs.github.com/rest)');
  });

  test('an HTML page: its title, never the markup', () => {
    const summary = summarizeErrorBody(PAGE);
    expect(summary).toBe('an HTML page titled "502 Bad Gateway – proxy.corp.example"');
    expect(summarizeErrorBody('<html><body>oops</body></html>')).toBe(
      'an HTML page without a title',
    );
  });

  test('other text: the first 200 characters, and how long it was', () => {
    const text = `upstream connect error ${'x'.repeat(400)}`;
    const summary = summarizeErrorBody(text);
    expect(summary).toBe(`"${text.slice(0, 200)}… (${text.length} characters)"`);
    expect(summarizeErrorBody('')).toBe('no body');
    expect(summarizeErrorBody('{"message":"Server Error"}')).toBe('"Server Error"');
  });
});

describe('readableErrorMessage', () => {
  const details = { method: 'GET', path: '/orgs/acme/interaction-limits', status: 403 };

  test('a GitHub error quoting a whole HTML page is summarised by the title', () => {
    const error = new ForbiddenError({ ...details, githubMessage: PAGE }, 'an organization owner');
    const message = readableErrorMessage(error);
    expect(message).toBe(
      'Permission denied: this needs an organization owner. (403 GET /orgs/acme/interaction-limits) the answer was an HTML page titled "502 Bad Gateway – proxy.corp.example"',
    );
  });

  test("GitHub's own short message is kept as it is", () => {
    const error = new ForbiddenError(
      { ...details, githubMessage: 'Must be an owner.' },
      'an organization owner',
    );
    expect(readableErrorMessage(error)).toBe(error.message);
  });
});

describe('checkAnswer (issue 12.2)', () => {
  const answer = (data: unknown, type = 'application/json; charset=utf-8') => ({
    status: 200,
    url: 'https://api.github.com/repos/acme/api/interaction-limits?x=1',
    headers: { 'content-type': type },
    data,
  });
  const schema = z.object({ login: z.string() });

  test('names the request, the status, the content type and the first problem with its path', () => {
    expect(() => checkAnswer(schema, answer({ login: 5 }), 'a user')).toThrow(
      'The answer to GET /repos/acme/api/interaction-limits?x=1 (200, content type application/json; charset=utf-8) is not what GitHub sends: expected a user; [login] expected string, received number. It was not used.',
    );
  });

  test('text where JSON was expected is an error, not an empty answer', () => {
    expect(() => checkAnswer(schema, answer('', 'text/html'), 'a user')).toThrow(
      UnexpectedAnswerError,
    );
    expect(() => checkAnswer(schema, answer(undefined, ''), 'a user')).toThrow(
      'the answer has no body',
    );
  });

  test("GitHub's {} is no limit; a limit object of another shape is not", async () => {
    const fake = new FakeGitHub()
      .on('GET', '/repos/acme/api/interaction-limits', { status: 200, body: {} })
      .on('GET', '/repos/acme/docs/interaction-limits', {
        status: 200,
        body: { limit: 'everyone', origin: 'repository', expires_at: '2026-01-01T00:00:00Z' },
      })
      .on('GET', '/repos/acme/web/interaction-limits', { status: 200, body: [] });
    const client = clientForFake(fake, { retries: 0 });
    await expect(getRepoInteractionLimit(client, 'acme', 'api')).resolves.toBeNull();
    await expect(getRepoInteractionLimit(client, 'acme', 'docs')).rejects.toThrow(
      /\[limit\] Invalid option: expected one of "existing_users"\|"contributors_only"\|"collaborators_only"/,
    );
    await expect(getRepoInteractionLimit(client, 'acme', 'web')).rejects.toThrow(
      'expected object, received array',
    );
  });
});

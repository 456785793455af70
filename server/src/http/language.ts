/** fr or en: `?lang=` first, else the first of them in `Accept-Language` by quality, else fr. */
import type { FastifyRequest } from 'fastify';

export type Language = 'fr' | 'en';

export function requestLanguage(request: FastifyRequest): Language {
  const query = (request.query as Record<string, unknown> | undefined)?.['lang'];
  if (query === 'fr' || query === 'en') return query;
  const header = request.headers['accept-language'] ?? '';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((param) => param.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0 && (entry.language === 'fr' || entry.language === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.language as Language | undefined) ?? 'fr';
}

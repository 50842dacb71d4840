// Every page and endpoint gets the site's data and its language from here: they render what they are given.
import { defineMiddleware } from 'astro:middleware';
import { config, reserved } from 'virtual:tsunagu/config';
import { strings } from './i18n/strings';
import { getSite } from './site/site';

export const onRequest = defineMiddleware(async ({ locals }, next) => {
  locals.site = await getSite(config, reserved);
  // The settings' language, else the one detected from the notes (computed with the site).
  locals.lang = locals.site.config.lang;
  locals.t = strings(locals.site.config.lang);
  return next();
});

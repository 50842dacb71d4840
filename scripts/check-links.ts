// Checks a built site: every internal href/src leads to a file under base, every #fragment to an id on its page.
// The build runs this check itself; run it by hand on any dist/: npx node scripts/check-links.ts [dist] [base]
import path from 'node:path';
import { checkLinks, formatBrokenLinks } from '../src/safety/links.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const base = process.argv[3] ?? '/';
const broken = checkLinks(dist, base);
if (broken.length > 0) {
  console.error(formatBrokenLinks(broken));
  process.exitCode = 1;
} else console.log(`${dist}: no broken internal links (base ${base}).`);

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatContentError } from '../core/contentError';
import { loadContentDir } from '../core/loadContent';
import { QuestionSearch } from '../core/search';
import { contentStats } from '../core/stats';

const USAGE = `usage: npm run content -- <command>
  check [dir]                 validate a content folder (default: content); errors as file:line: message
  stats [dir] [--json]        count topics, questions, follow-ups and work samples
  search "<query>" [--json] [--dir dir]   the top 10 matches
  build [dir] [out]           validate and write the bundle the extension loads (default: dist/content.json)`;

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const dirFlag = argv.indexOf('--dir');
  const dirOpt = dirFlag >= 0 ? argv[dirFlag + 1] : undefined;
  const args = argv.filter((a, i) => !a.startsWith('--') && (dirFlag < 0 || i !== dirFlag + 1));
  const [command, ...rest] = args;
  switch (command) {
    case 'check': {
      const dir = rest[0] ?? 'content';
      const { bundle, errors } = loadContentDir(dir);
      for (const e of errors) console.error(formatContentError(e));
      const s = contentStats(bundle);
      const summary = `${s.questions} questions, ${s.followUps} follow-ups, ${s.workSamples} work samples in ${s.topics.length} topics`;
      if (errors.length) {
        console.error(`${errors.length} error(s); ${summary} loaded`);
        return 1;
      }
      console.log(`ok: ${summary}`);
      return 0;
    }
    case 'stats': {
      const { bundle, errors } = loadContentDir(rest[0] ?? 'content');
      const s = contentStats(bundle);
      if (json) console.log(JSON.stringify(s));
      else {
        for (const t of s.topics) console.log(`${t.title.padEnd(36)} ${t.questions}`);
        console.log(`questions ${s.questions}, follow-ups ${s.followUps}, work samples ${s.workSamples} (${s.runnableWorkSamples} runnable)`);
      }
      if (errors.length) console.error(`${errors.length} content error(s): run "npm run content -- check"`);
      return 0;
    }
    case 'search': {
      const query = rest.join(' ');
      if (!query) {
        console.error(USAGE);
        return 2;
      }
      const { bundle } = loadContentDir(dirOpt ?? 'content');
      const hits = new QuestionSearch(bundle).search(query, 10);
      if (json) console.log(JSON.stringify(hits.map(({ id, kind, title, topic, tags, score }) => ({ id, kind, title, topic, tags, score }))));
      else for (const h of hits) console.log(`${h.score.toFixed(2).padStart(7)}  ${h.id}  (${h.topic}, ${h.difficulty})  ${h.title}`);
      return 0;
    }
    case 'build': {
      const dir = rest[0] ?? 'content';
      const out = resolve(rest[1] ?? 'dist/content.json');
      const { bundle, errors } = loadContentDir(dir);
      for (const e of errors) console.error(formatContentError(e));
      if (errors.length) {
        console.error(`content build failed: ${errors.length} error(s)`);
        return 1;
      }
      // Paths in the bundle are relative to the content folder, never the builder's machine.
      const rel = (f: string) => f.replace(/\\/g, '/').replace(/^.*?\/?(?=(topics|questions|work-samples)\/)/, '');
      for (const q of bundle.questions) q.source.file = rel(q.source.file);
      for (const t of bundle.topics) t.source.file = rel(t.source.file);
      for (const w of bundle.workSamples) w.source.file = rel(w.source.file);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(bundle));
      const s = contentStats(bundle);
      console.log(`content: ${s.questions} questions, ${s.followUps} follow-ups, ${s.workSamples} work samples → ${out}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

process.exitCode = main(process.argv.slice(2));

import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing; images other than SVG and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Below this size the encoded answer saves less than the headers it costs (the server compresses API answers from the same size). */
const minimumBytes = 1024;

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every compressible file of the
 * build, so the server sends them as they are (@fastify/static `preCompressed`) instead of compressing each answer:
 * the strongest settings cost seconds once at build time and nothing per request. A variant that is not smaller
 * than the file is not written; the server then sends the file itself.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "trame:precompress",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    // After the bundle and the public directory are written.
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const files = (await fs.readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && compressible.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name))
        // Not the build's own records (.vite/manifest.json): they are read from disk, never served.
        .filter((file) => !path.relative(outDir, file).split(path.sep).some((part) => part.startsWith(".")));
      let written = 0;
      await Promise.all(
        files.map(async (file) => {
          const content = await fs.readFile(file);
          if (content.length < minimumBytes) return;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < content.length) {
            await fs.writeFile(`${file}.br`, br);
            written++;
          }
          if (gz.length < content.length) {
            await fs.writeFile(`${file}.gz`, gz);
            written++;
          }
        }),
      );
      config.logger.info(`precompressed: ${written} .br/.gz files beside ${files.length} text files`);
    },
  };
}

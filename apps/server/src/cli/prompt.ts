import readline from "node:readline/promises";
import { CliError } from "./command.js";

/** Whether the command can ask questions (a person at a terminal), or must rely on its flags (a script). */
export const isInteractive = (): boolean => Boolean(process.stdin.isTTY && process.stdout.isTTY);

/** Asks one question on the terminal; an empty answer takes the default. */
export async function ask(question: string, defaultValue?: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(defaultValue ? `${question} [${defaultValue}]: ` : `${question}: `);
    return answer.trim() || defaultValue || "";
  } finally {
    rl.close();
  }
}

/** Asks for a secret without echoing it (raw mode: the terminal shows nothing while typing). */
export async function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  // Raw mode first: whatever is typed once the question shows is never echoed.
  stdin.setRawMode(true);
  process.stdout.write(`${question}: `);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004") return finish(new CliError("Cancelled."));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

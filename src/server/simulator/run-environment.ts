import { notFound } from '../errors';
import type { EnvironmentsRepository } from '../environments/environments-repository';

/**
 * The environment variables a run reads (`{$env.NAME}`, getEnvVariable): the environment's (the bot's own
 * when `environmentId` is left out, none when it is null, else the one it names), then the run's own rows
 * over them. Secret values go into the run; `secrets` is what its answer must mask.
 */
export async function runEnvironment(
  environments: EnvironmentsRepository,
  botId: string,
  environmentId: string | null | undefined,
  own: readonly { key: string; value: string }[],
): Promise<{ envVariables: { key: string; value: string }[]; secrets: string[] }> {
  let environment;
  if (environmentId === undefined) environment = await environments.ofBot(botId);
  else {
    environment = await environments.resolved(environmentId);
    if (environmentId !== null && !environment) throw notFound(`Environment ${environmentId}`);
  }
  const variables = environment?.variables ?? [];
  const given = new Set(own.map((row) => row.key));
  const envVariables = [
    ...variables.filter((variable) => !given.has(variable.name)).map((variable) => ({ key: variable.name, value: variable.value })),
    ...own,
  ];
  const secrets = variables.filter((variable) => variable.secret && !given.has(variable.name)).map((variable) => variable.value);
  return { envVariables, secrets };
}

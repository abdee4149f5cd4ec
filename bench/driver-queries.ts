// The SQL the API sends for each benchmarked request, as the driver reference and the minimal server send it.
export const GET_ONE = 'select * from integrations where bot_id = $1 and id = $2';
export const BOT_EXISTS = 'select id from bots where id = $1';
export const LIST = `select id, name, type, response_data_variable, version, updated_at, lower(name) as name_key
  from integrations where bot_id = $1 order by lower(name), id limit 101`;
export const UPDATE = `update integrations set name = $3, response_data_variable = $4, type = $5, config = $6::jsonb,
  transform_script = $7, custom_data_fields = $8::jsonb, updated_at = now(), version = version + 1
  where id = $1 and bot_id = $2 and version = $9 returning *`;
export const REVISION = `insert into integration_revisions (integration_id, bot_id, version, action, snapshot, changed_fields)
  values ($1, $2, $3, 'update', $4::jsonb, $5::jsonb)`;

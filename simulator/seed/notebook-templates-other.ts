// Clean SQL, Scala and R notebooks: reports, DDL with grants, MERGE jobs, Structured Streaming, batch
// transforms and actuarial work in R.
import { code, md, type Cell } from './notebook-source';
import type { Drafted } from './notebook-templates-python';
import type { Rng } from './random';
import { LANDING, tableOf } from './notebook-vocabulary';

const title = (name: string) => name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

export function sqlReport(rng: Rng, name: string): Drafted {
  const t = tableOf(rng);
  const dim = rng.pick(t.dims);
  const view = `analytics.gold.v_${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)}`;
  return {
    cells: [
      md(`# ${title(name)}`, '', `Source: \`${t.name}\`.`),
      code([
        `CREATE OR REPLACE VIEW ${view} AS`,
        'SELECT',
        `  ${dim},`,
        `  date_trunc('MONTH', ${t.date}) AS month,`,
        '  count(*) AS rows,',
        `  sum(${t.amount}) AS total,`,
        `  avg(${t.amount}) AS average`,
        `FROM ${t.name}`,
        `WHERE ${t.date} >= add_months(current_date(), -${rng.pick([3, 6, 12, 24])})`,
        'GROUP BY ALL',
      ]),
      code([
        'SELECT',
        `  ${dim},`,
        '  month,',
        '  total,',
        `  total - lag(total) OVER (PARTITION BY ${dim} ORDER BY month) AS change`,
        `FROM ${view}`,
        'ORDER BY month DESC, total DESC',
      ]),
      ...(rng.chance(0.4) ? [code([`COMMENT ON VIEW ${view} IS '${title(name)} (refreshed by the analytics team)'`])] : []),
    ],
  };
}

export function sqlDdl(rng: Rng, name: string): Drafted {
  const table = `sandbox.scratch.${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)}`;
  const group = rng.pick(['analytics', 'data-science', 'bi-developers', 'claims-analytics']);
  return {
    cells: [
      md(`## ${title(name)}`, 'Table set-up. Run once.'),
      code([
        `CREATE TABLE IF NOT EXISTS ${table} (`,
        '  id BIGINT GENERATED ALWAYS AS IDENTITY,',
        '  region STRING,',
        '  product STRING,',
        '  amount DECIMAL(18, 2),',
        '  as_of DATE',
        ')',
        `COMMENT '${title(name)}'`,
        "TBLPROPERTIES ('delta.enableChangeDataFeed' = 'true')",
      ]),
      code([`GRANT SELECT ON TABLE ${table} TO \`${group}\``]),
      code([`DESCRIBE DETAIL ${table}`]),
    ],
  };
}

export function sqlMerge(rng: Rng, name: string): Drafted {
  const t = tableOf(rng, rng.pick(['analytics.silver.claims', 'analytics.silver.policies', 'analytics.silver.customers']));
  const raw = t.name.replace('silver.', 'bronze.raw_');
  return {
    cells: [
      md(`# ${title(name)}`),
      code([
        `CREATE OR REPLACE TEMP VIEW updates AS`,
        `SELECT * FROM ${raw}`,
        `WHERE _ingested_at >= current_timestamp() - INTERVAL ${rng.int(1, 48)} HOURS`,
        `QUALIFY row_number() OVER (PARTITION BY ${t.key} ORDER BY _ingested_at DESC) = 1`,
      ]),
      code([
        `MERGE INTO ${t.name} AS t`,
        'USING updates AS s',
        `ON t.${t.key} = s.${t.key}`,
        'WHEN MATCHED THEN UPDATE SET *',
        'WHEN NOT MATCHED THEN INSERT *',
      ]),
      code([`SELECT count(*) AS rows, max(${t.date}) AS latest FROM ${t.name}`]),
    ],
  };
}

export function sqlAdhoc(rng: Rng): Drafted {
  const t = tableOf(rng);
  const cells: Cell[] = [code([`SELECT * FROM ${t.name} LIMIT ${rng.pick([10, 100, 1000])}`])];
  cells.push(code([`-- how many per ${t.dims[0]}?`, `SELECT ${t.dims[0]}, count(*) FROM ${t.name} GROUP BY 1 ORDER BY 2 DESC`]));
  if (rng.chance(0.5)) cells.push(code([`DESCRIBE TABLE EXTENDED ${t.name}`]));
  if (rng.chance(0.4)) cells.push(code([`SHOW GRANTS ON TABLE ${t.name}`]));
  return { cells };
}

export function scalaStream(rng: Rng, name: string): Drafted {
  const hub = rng.pick(['telematics', 'fnol-events', 'quote-events', 'web-clickstream']);
  return {
    cells: [
      md(`# ${title(name)}`, '', `Event Hubs \`${hub}\` (Kafka endpoint) → Delta.`),
      code([
        'import org.apache.spark.sql.functions._',
        'import org.apache.spark.sql.streaming.Trigger',
        '',
        'val connection = dbutils.secrets.get(scope = "kafka-ingest", key = "eventhubs-connection-string")',
        'val jaas = s"""kafkashaded.org.apache.kafka.common.security.plain.PlainLoginModule required username="$$ConnectionString" password="$connection";"""',
      ]),
      code([
        'val raw = spark.readStream',
        '  .format("kafka")',
        `  .option("kafka.bootstrap.servers", "harborpine-events.servicebus.windows.net:9093")`,
        `  .option("subscribe", "${hub}")`,
        '  .option("kafka.security.protocol", "SASL_SSL")',
        '  .option("kafka.sasl.mechanism", "PLAIN")',
        '  .option("kafka.sasl.jaas.config", jaas)',
        `  .option("startingOffsets", "${rng.pick(['latest', 'earliest'])}")`,
        '  .load()',
      ]),
      code([
        'raw.selectExpr("CAST(value AS STRING) AS json", "timestamp")',
        '  .writeStream',
        `  .option("checkpointLocation", "${LANDING}/_checkpoints/${hub}")`,
        `  .trigger(Trigger.ProcessingTime("${rng.pick([30, 60, 300])} seconds"))`,
        `  .toTable("analytics.bronze.raw_${hub.replace(/-/g, '_')}")`,
      ]),
    ],
  };
}

export function scalaBatch(rng: Rng, name: string): Drafted {
  const t = tableOf(rng);
  return {
    cells: [
      md(`# ${title(name)}`),
      code([
        'import org.apache.spark.sql.functions._',
        '',
        `case class Summary(${t.dims[0]}: String, rows: Long, total: Double)`,
        '',
        `val summary = spark.table("${t.name}")`,
        `  .groupBy("${t.dims[0]}")`,
        `  .agg(count(lit(1)).as("rows"), sum("${t.amount}").cast("double").as("total"))`,
        '  .as[Summary]',
      ]),
      code([`display(summary.orderBy(desc("total")).limit(${rng.pick([20, 50])}))`]),
    ],
  };
}

export function rActuarial(rng: Rng, name: string): Drafted {
  const lob = rng.pick(['Auto', 'Home', 'Commercial Property']);
  return {
    cells: [
      md(`# ${title(name)}`, '', `Paid loss development, ${lob}.`),
      code(['library(SparkR)', 'library(ChainLadder)', 'library(data.table)']),
      code([
        'paid <- collect(sql("',
        '  SELECT year(loss_date) AS accident_year, year(reported_date) - year(loss_date) AS dev,',
        '         sum(claim_amount) AS paid',
        '  FROM analytics.silver.claims',
        `  WHERE product = '${lob}'`,
        '  GROUP BY 1, 2"))',
        'tri <- as.triangle(paid, origin = "accident_year", dev = "dev", value = "paid")',
      ]),
      code(['cl <- MackChainLadder(incr2cum(tri), est.sigma = "Mack")', 'summary(cl)', 'plot(cl)']),
    ],
  };
}

// Clean Python notebooks: ETL, analysis, ML, utilities, data-quality checks, Auto Loader ingest and platform
// chores, varied by the seeded PRNG. Credentials come from secret scopes or the notebook's own identity.
import { code, md, type Cell } from './notebook-source';
import type { Rng } from './random';
import { LANDING, RAW_TABLES, tableOf } from './notebook-vocabulary';

export interface Drafted {
  cells: Cell[];
}

const title = (name: string) => name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

export function pyEtl(rng: Rng, name: string): Drafted {
  const raw = rng.pick(RAW_TABLES);
  const t = tableOf(rng, raw.replace('bronze.raw_', 'silver.'));
  return {
    cells: [
      md(`# ${title(name)}`, '', `Loads \`${raw}\` into \`${t.name}\` (dedupe on \`${t.key}\`, typed columns).`),
      code(['dbutils.widgets.text("run_date", "")', 'dbutils.widgets.dropdown("mode", "incremental", ["incremental", "full"])']),
      code(
        [
          'from pyspark.sql import functions as F',
          'from pyspark.sql.window import Window',
          '',
          'run_date = dbutils.widgets.get("run_date") or str(F.current_date())',
          'mode = dbutils.widgets.get("mode")',
        ],
        'Parameters',
      ),
      code(
        [
          `src = spark.read.table("${raw}")`,
          'if mode == "incremental":',
          `    src = src.where(F.col("_ingested_at") >= F.date_sub(F.current_date(), ${rng.int(1, 7)}))`,
          '',
          `w = Window.partitionBy("${t.key}").orderBy(F.col("_ingested_at").desc())`,
          'clean = (',
          '    src.withColumn("_rn", F.row_number().over(w))',
          '    .where("_rn = 1")',
          '    .drop("_rn")',
          `    .withColumn("${t.amount}", F.col("${t.amount}").cast("decimal(18,2)"))`,
          `    .withColumn("${t.date}", F.to_date("${t.date}"))`,
          ')',
          'display(clean.limit(20))',
        ],
        'Deduplicate',
      ),
      code(
        [
          'from delta.tables import DeltaTable',
          '',
          `target = DeltaTable.forName(spark, "${t.name}")`,
          '(',
          '    target.alias("t")',
          `    .merge(clean.alias("s"), "t.${t.key} = s.${t.key}")`,
          '    .whenMatchedUpdateAll()',
          '    .whenNotMatchedInsertAll()',
          '    .execute()',
          ')',
        ],
        'Merge into silver',
      ),
      code([`spark.sql("OPTIMIZE ${t.name} ZORDER BY (${t.key})")`]),
    ],
  };
}

export function pyAnalysis(rng: Rng, name: string): Drafted {
  const t = tableOf(rng);
  const dim = rng.pick(t.dims);
  const days = rng.pick([30, 90, 180, 365]);
  return {
    cells: [
      md(`## ${title(name)}`, `Last ${days} days by ${dim}.`),
      code([
        'df = spark.sql(f"""',
        `    SELECT ${dim}, date_trunc('month', ${t.date}) AS month, count(*) AS n, sum(${t.amount}) AS total`,
        `    FROM ${t.name}`,
        `    WHERE ${t.date} >= date_sub(current_date(), ${days})`,
        '    GROUP BY ALL',
        '"""',
        ')',
        'display(df)',
      ]),
      code([
        'pdf = df.toPandas()',
        `pivot = pdf.pivot_table(index="month", columns="${dim}", values="total", aggfunc="sum").fillna(0)`,
        'pivot.tail()',
      ]),
      code([
        'import matplotlib.pyplot as plt',
        '',
        `ax = pivot.plot(figsize=(12, 5), title="${title(name)}")`,
        'ax.set_ylabel("total")',
        'plt.show()',
      ]),
      ...(rng.chance(0.5)
        ? [{ magic: true, lines: ['%sql', `SELECT ${dim}, count(*) FROM ${t.name} GROUP BY ${dim} ORDER BY 2 DESC`] }]
        : []),
    ],
  };
}

export function pyMl(rng: Rng, name: string): Drafted {
  const target = rng.pick(['churned', 'is_fraud', 'large_loss']);
  const model = rng.pick(['GradientBoostingClassifier', 'RandomForestClassifier', 'LogisticRegression']);
  const pkg = model === 'LogisticRegression' ? 'sklearn.linear_model' : 'sklearn.ensemble';
  return {
    cells: [
      md(`# ${title(name)}`, '', `Target: \`${target}\`. Runs are tracked in MLflow under \`/Shared/experiments/${name}\`.`),
      { magic: true, lines: ['%pip install -q lightgbm==4.3.0 shap==0.45.0'] },
      code([
        'import mlflow',
        `from ${pkg} import ${model}`,
        'from sklearn.model_selection import train_test_split',
        'from sklearn.metrics import roc_auc_score',
        '',
        `mlflow.set_experiment("/Shared/experiments/${name}")`,
        'mlflow.autolog()',
      ]),
      code([
        'features = spark.table("sandbox.scratch.model_features").toPandas()',
        `y = features.pop("${target}")`,
        'X = features.drop(columns=["customer_id", "snapshot_date"])',
        `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=${rng.int(1, 99)})`,
      ]),
      code(
        [
          'with mlflow.start_run(run_name="baseline") as run:',
          `    clf = ${model}(${model === 'LogisticRegression' ? 'max_iter=500' : `n_estimators=${rng.pick([100, 200, 400])}`})`,
          '    clf.fit(X_train, y_train)',
          '    auc = roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1])',
          '    mlflow.log_metric("test_auc", auc)',
          'print(f"AUC {auc:.3f}")',
        ],
        'Train',
      ),
      code([`mlflow.register_model(f"runs:/{run.info.run_id}/model", "sandbox.ml.${name}")`]),
    ],
  };
}

export function pyUtils(rng: Rng): Drafted {
  return {
    cells: [
      md('# Shared helpers', '', 'Include with `%run ../common/utils`.'),
      code([
        'from datetime import date, timedelta',
        'from pyspark.sql import DataFrame',
        '',
        '',
        'def run_date(default_days_back: int = 1) -> str:',
        '    value = dbutils.widgets.get("run_date") if "run_date" in [w.name for w in dbutils.widgets.getAll()] else ""',
        '    return value or str(date.today() - timedelta(days=default_days_back))',
        '',
        '',
        'def table_exists(name: str) -> bool:',
        '    return spark.catalog.tableExists(name)',
        '',
        '',
        `def write_delta(df: DataFrame, name: str, mode: str = "${rng.pick(['append', 'overwrite'])}") -> None:`,
        '    df.write.format("delta").mode(mode).option("mergeSchema", "true").saveAsTable(name)',
      ]),
      code([
        'def notify_failure(job: str, error: Exception) -> None:',
        '    webhook = dbutils.secrets.get(scope="etl-orchestrator", key="teams-webhook")',
        '    import requests',
        '',
        '    requests.post(webhook, json={"text": f"{job} failed: {error}"}, timeout=10)',
      ]),
    ],
  };
}

export function pyQuality(rng: Rng, name: string): Drafted {
  const t = tableOf(rng);
  return {
    cells: [
      md(`# ${title(name)}`, `Expectations on \`${t.name}\`.`),
      code([
        `df = spark.table("${t.name}")`,
        'checks = {',
        `    "no_null_keys": df.where("${t.key} IS NULL").count() == 0,`,
        `    "no_duplicate_keys": df.count() == df.select("${t.key}").distinct().count(),`,
        `    "non_negative_amounts": df.where("${t.amount} < 0").count() == 0,`,
        `    "fresh": df.selectExpr("max(${t.date}) >= date_sub(current_date(), ${rng.int(1, 3)})").first()[0],`,
        '}',
        'checks',
      ]),
      code(['failed = [k for k, ok in checks.items() if not ok]', 'assert not failed, f"Data quality checks failed: {failed}"']),
    ],
  };
}

export function pyAutoLoader(rng: Rng, name: string): Drafted {
  const feed = rng.pick(['claims', 'fnol', 'telematics', 'broker_quotes', 'web_events']);
  return {
    cells: [
      md(`# ${title(name)}`, `Auto Loader from \`${LANDING}/${feed}/\`.`),
      code([
        'stream = (',
        '    spark.readStream.format("cloudFiles")',
        `    .option("cloudFiles.format", "${rng.pick(['json', 'csv', 'parquet'])}")`,
        `    .option("cloudFiles.schemaLocation", "${LANDING}/_schemas/${feed}")`,
        `    .load("${LANDING}/${feed}/")`,
        ')',
      ]),
      code([
        '(',
        '    stream.writeStream',
        `    .option("checkpointLocation", "${LANDING}/_checkpoints/${feed}")`,
        '    .trigger(availableNow=True)',
        `    .toTable("analytics.bronze.raw_${feed === 'claims' || feed === 'fnol' ? 'claims' : 'web_logs'}")`,
        ')',
      ]),
    ],
  };
}

export function pyPlatform(rng: Rng, name: string): Drafted {
  return {
    cells: [
      md(`# ${title(name)}`),
      code([
        'from databricks.sdk import WorkspaceClient',
        '',
        '# Runs as whoever runs the notebook: no token needed here.',
        'w = WorkspaceClient()',
      ]),
      code([
        'rows = []',
        'for c in w.clusters.list():',
        '    rows.append((c.cluster_name, c.creator_user_name, c.autotermination_minutes, str(c.state)))',
        'display(spark.createDataFrame(rows, "cluster string, creator string, autotermination int, state string"))',
      ]),
      code([
        'runs = w.jobs.list_runs(completed_only=True, limit=25)',
        `failed = [r for r in runs if r.state and str(r.state.result_state).endswith("FAILED")][:${rng.int(10, 50)}]`,
        'len(failed)',
      ]),
    ],
  };
}

export function pyScratch(rng: Rng): Drafted {
  const t = tableOf(rng);
  const cells: Cell[] = [code([`display(spark.table("${t.name}").limit(${rng.pick([10, 50, 100, 1000])}))`])];
  if (rng.chance(0.6)) cells.push(code([`spark.table("${t.name}").groupBy("${rng.pick(t.dims)}").count().show()`]));
  if (rng.chance(0.5)) cells.push({ magic: true, lines: ['%sql', `DESCRIBE HISTORY ${t.name}`] });
  if (rng.chance(0.4)) cells.push(code([`df = spark.table("${t.name}")`, 'df.printSchema()']));
  return { cells };
}

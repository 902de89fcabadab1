// pushdeckctl groups and show against a real gateway: table and JSON Lines
// output (checked with a JSON parser), filters, keys with `/`, empty values,
// quotes and newlines, and one-line argument errors that point at the column.

#include "session/gatewaysession.h"
#include "staleness/cadencetracker.h"
#include "builders.h"
#include "ctlrunner.h"
#include "format/exposition.h"
#include "format/expositioncheck.h"
#include "testgateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

// Runs pushdeckctl against one gateway, with a data directory (audit log,
// undo snapshots) of its own, never the user's.
class Ctl
{
public:
    explicit Ctl(QUrl gateway) : m_gateway(std::move(gateway)) {}
    CtlRun operator()(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_READ_ONLY"_s);
        return runCtl(QStringList{u"--gateway"_s, m_gateway.toString()} + arguments, input, env);
    }

    QString dataPath() const { return m_data.path(); }

private:
    QUrl m_gateway;
    QTemporaryDir m_data;
};

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            qWarning("not a JSON object: %s", line.constData());
            return {};
        }
        objects.append(doc.object());
    }
    return objects;
}

const QString SlashKey = u"{job=\"a/b\",instance=\"\"}"_s;
const QString QuoteKey = u"{job=\"q\",path=\"C:\\\\tmp \\\"x\\\"\\nnext\"}"_s;

} // namespace

class TestCtlGroups : public QObject
{
    Q_OBJECT
private:
    TestGateway m_gateway;
    std::unique_ptr<Ctl> m_ctl;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_gateway.start());
        m_ctl = std::make_unique<Ctl>(m_gateway.url());
        QCOMPARE(m_gateway.push(SlashKey, "# HELP v A value.\n# TYPE v gauge\nv{x=\"1\"} NaN\nv{x=\"2\"} +Inf\n"), 200);
        QCOMPARE(m_gateway.push(u"{job=\"batch\",instance=\"db-1\"}"_s, "# TYPE h histogram\nh_bucket{le=\"0.1\"} 1\n"
                                                                        "h_bucket{le=\"+Inf\"} 3\nh_sum 1.5\nh_count 3\n"),
                 200);
        QCOMPARE(m_gateway.push(u"{job=\"batch\",instance=\"db-2\"}"_s, "up 1\n"), 200);
        QCOMPARE(m_gateway.push(QuoteKey, "w 0.1\n"), 200);
        // A duplicate series: the gateway answers 400 and keeps a group
        // whose last push failed.
        QCOMPARE(m_gateway.push(u"{job=\"broken\"}"_s, "d 1\nd 2\n"), 400);
        QVERIFY(m_gateway.waitForGroups([](const QList<Group> &g) { return g.size() == 5; }));
    }

    void table()
    {
        const CtlRun run = (*m_ctl)({u"groups"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.err.isEmpty());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 6); // header + 5 groups
        QVERIFY(lines[0].startsWith("KEY "));
        const qsizetype lastPush = lines[0].indexOf("LAST PUSH");
        const qsizetype state = lines[0].indexOf("STATE");
        QVERIFY(lastPush > 0 && state > lastPush);
        // Aligned: every row's LAST PUSH and STATE cells start under their header.
        for (const QByteArray &line : lines.mid(1)) {
            QVERIFY2(line.mid(lastPush).startsWith("ok") || line.mid(lastPush).startsWith("failed"), line.constData());
            QVERIFY2(QByteArray("fresh failed").contains(line.mid(state).split(' ').first()), line.constData());
        }
        // Keys in PromQL form, exactly as `show` and `delete` take them.
        QVERIFY(run.out.contains(SlashKey.toUtf8()));
        QVERIFY(run.out.contains(key(QuoteKey).toString().toUtf8()));
        QVERIFY(run.out.contains("{job=\"broken\"}"));

        const CtlRun wide = (*m_ctl)({u"groups"_s, u"--wide"_s});
        QVERIFY2(wide.exitCode == 0, qPrintable(wide.describe()));
        QVERIFY(wide.out.startsWith("KEY "));
        QVERIFY(wide.out.contains("PUSH TIME"));
        QVERIFY(wide.out.contains("SERIES"));
        QVERIFY(wide.out.contains("1h/6h"));
        QVERIFY(wide.out.contains("never")); // a failure time that never happened
    }

    void json()
    {
        const CtlRun run = (*m_ctl)({u"groups"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> objects = jsonLines(run.out);
        QCOMPARE(objects.size(), 5);
        const auto groups = m_gateway.groups();
        QVERIFY(groups);
        const QStringList fields{u"age_seconds"_s, u"families"_s, u"key"_s, u"labels"_s, u"last_push_successful"_s,
                                 u"push_failure_time"_s, u"push_time"_s, u"series"_s, u"state"_s};
        for (const QJsonObject &o : objects) {
            QCOMPARE(o.keys(), fields); // the documented schema, nothing more
            LabelPairs labels;
            const QJsonObject l = o[u"labels"_s].toObject();
            for (auto it = l.begin(); it != l.end(); ++it)
                labels.append({it.key(), it.value().toString()});
            const auto k = GroupingKey::fromLabels(labels);
            QVERIFY(k);
            QCOMPARE(o[u"key"_s].toString(), k->toString());
            const auto group = std::find_if(groups->begin(), groups->end(), [&](const Group &g) { return g.key == *k; });
            QVERIFY2(group != groups->end(), qPrintable(k->toString()));
            QCOMPARE(o[u"last_push_successful"_s].toBool(), group->lastPushSuccessful);
            QCOMPARE(o[u"series"_s].toInt(), group->seriesCount());
            QCOMPARE(o[u"families"_s].toArray().size(), group->families.size());
            if (group->lastPushSuccessful) {
                QCOMPARE(o[u"push_time"_s].toDouble(), group->pushTime); // exact
                QVERIFY(o[u"push_failure_time"_s].isNull());
                QCOMPARE(o[u"state"_s].toString(), u"fresh"_s);
                QVERIFY(o[u"age_seconds"_s].toDouble() >= 0 && o[u"age_seconds"_s].toDouble() < 60);
            } else {
                QCOMPARE(k->toString(), u"{job=\"broken\"}"_s);
                QVERIFY(o[u"push_time"_s].isNull());
                QCOMPARE(o[u"push_failure_time"_s].toDouble(), group->pushFailureTime);
                QVERIFY(o[u"age_seconds"_s].isNull());
                QCOMPARE(o[u"state"_s].toString(), u"failed"_s);
            }
        }
        // The exact key: an empty value is kept, `/`, quotes and newlines too.
        const auto slash = std::find_if(objects.begin(), objects.end(),
                                        [](const QJsonObject &o) { return o[u"labels"_s][u"job"_s] == u"a/b"_s; });
        QVERIFY(slash != objects.end());
        QCOMPARE(slash->value(u"labels"_s).toObject(), (QJsonObject{{u"job"_s, u"a/b"_s}, {u"instance"_s, u""_s}}));
        QCOMPARE(slash->value(u"families"_s).toArray(), QJsonArray{u"v"_s});
        const auto quote = std::find_if(objects.begin(), objects.end(),
                                        [](const QJsonObject &o) { return o[u"labels"_s][u"job"_s] == u"q"_s; });
        QVERIFY(quote != objects.end());
        QCOMPARE(quote->value(u"labels"_s)[u"path"_s].toString(), u"C:\\tmp \"x\"\nnext"_s);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("jobs");
        QTest::newRow("match equal") << QStringList{u"--match"_s, u"{job=\"batch\"}"_s} << QStringList{u"batch"_s, u"batch"_s};
        QTest::newRow("match regex") << QStringList{u"--match"_s, u"{job=~\"a/.*|q\"}"_s} << QStringList{u"a/b"_s, u"q"_s};
        QTest::newRow("match empty value") << QStringList{u"-m"_s, u"{instance=\"\",job!=\"q\"}"_s}
                                           << QStringList{u"a/b"_s, u"broken"_s};
        QTest::newRow("match nothing") << QStringList{u"--match"_s, u"{job=\"none\"}"_s} << QStringList{};
        QTest::newRow("state failed") << QStringList{u"--state"_s, u"failed"_s} << QStringList{u"broken"_s};
        QTest::newRow("state list") << QStringList{u"--state"_s, u"stale,failed"_s} << QStringList{u"broken"_s};
        QTest::newRow("state and match") << QStringList{u"--state"_s, u"fresh"_s, u"--match"_s, u"{job=~\"b.*\"}"_s}
                                         << QStringList{u"batch"_s, u"batch"_s};
        // A group that never pushed successfully is older than anything.
        QTest::newRow("older than") << QStringList{u"--older-than"_s, u"1h"_s} << QStringList{u"broken"_s};
        QTest::newRow("older than 0") << QStringList{u"--older-than"_s, u"0s"_s}
                                      << QStringList{u"a/b"_s, u"batch"_s, u"batch"_s, u"broken"_s, u"q"_s};
    }

    void filters()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, jobs);
        const CtlRun run = (*m_ctl)(QStringList{u"groups"_s, u"--json"_s} + arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QStringList found;
        for (const QJsonObject &o : jsonLines(run.out))
            found.append(o[u"labels"_s][u"job"_s].toString());
        found.sort();
        QCOMPARE(found, jobs);
    }

    void olderThanSeesAge()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(u"{job=\"old\"}"_s, "x 1\n"), 200);
        QTest::qWait(1300);
        QCOMPARE(gateway.push(u"{job=\"new\"}"_s, "x 1\n"), 200);
        const CtlRun run = ctl({u"groups"_s, u"--older-than"_s, u"1s"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains("{job=\"old\"}"));
        QVERIFY(!run.out.contains("{job=\"new\"}"));
        // --warn-after moves the thresholds of the state column.
        const CtlRun warn = ctl({u"groups"_s, u"--json"_s, u"--warn-after"_s, u"1s"_s, u"--state"_s, u"warning"_s});
        QVERIFY2(warn.exitCode == 0, qPrintable(warn.describe()));
        const auto objects = jsonLines(warn.out);
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.first()[u"key"_s].toString(), u"{job=\"old\"}"_s);
    }

    void showHuman()
    {
        const CtlRun run = (*m_ctl)({u"show"_s, SlashKey});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QByteArray("key:        " + SlashKey.toUtf8())));
        QVERIFY2(run.out.contains("path:       /metrics/job@base64/YS9i/instance@base64/="), run.out.constData());
        QVERIFY(run.out.contains("state:      fresh"));
        QVERIFY(run.out.contains("# HELP v A value."));
        QVERIFY(run.out.contains("v{x=\"1\"} NaN"));
        QVERIFY(run.out.contains("v{x=\"2\"} +Inf"));

        // The failed group says so.
        const CtlRun failed = (*m_ctl)({u"show"_s, u"{job=\"broken\"}"_s});
        QVERIFY2(failed.exitCode == 0, qPrintable(failed.describe()));
        QVERIFY(failed.out.contains("last push:  failed"));
        QVERIFY(failed.out.contains("state:      failed"));
    }

    void showExpositionRoundTrips()
    {
        for (const QString &text : {SlashKey, QuoteKey, u"{job=\"batch\",instance=\"db-1\"}"_s}) {
            const CtlRun run = (*m_ctl)({u"show"_s, text, u"--exposition"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            const auto parsed = parseExposition(run.out);
            QVERIFY2(parsed, qPrintable(parsed.errorString()));
            const auto group = m_gateway.group(key(text));
            QVERIFY(group);
            // Without the key's labels: ready to push to any key.
            QVERIFY(!run.out.contains("job="));
            QVERIFY(sameFamilies(withoutKeyLabels(*parsed, group->key),
                                 withoutKeyLabels(group->families, group->key)));
        }
    }

    void showJson()
    {
        const CtlRun run = (*m_ctl)({u"show"_s, SlashKey, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o[u"key"_s].toString(), SlashKey);
        QCOMPARE(o[u"warn_after_seconds"_s].toDouble(), 3600.0);
        const QJsonArray metrics = o[u"metrics"_s].toArray();
        QCOMPARE(metrics.size(), 1);
        const QJsonObject v = metrics[0].toObject();
        QCOMPARE(v[u"name"_s].toString(), u"v"_s);
        QCOMPARE(v[u"type"_s].toString(), u"gauge"_s);
        QCOMPARE(v[u"help"_s].toString(), u"A value."_s);
        QStringList values;
        for (const QJsonValue &s : v[u"series"_s].toArray())
            values.append(s[u"value"_s].toString());
        values.sort();
        QCOMPARE(values, (QStringList{u"+Inf"_s, u"NaN"_s})); // strings: JSON has no NaN

        const CtlRun histogram = (*m_ctl)({u"show"_s, u"{job=\"batch\",instance=\"db-1\"}"_s, u"--json"_s});
        const QJsonObject h = QJsonDocument::fromJson(histogram.out).object()[u"metrics"_s][0].toObject();
        QCOMPARE(h[u"type"_s].toString(), u"histogram"_s);
        const QJsonObject series = h[u"series"_s][0].toObject();
        QCOMPARE(series[u"buckets"_s].toArray(), (QJsonArray{QJsonArray{u"0.1"_s, u"1"_s}, QJsonArray{u"+Inf"_s, u"3"_s}}));
        QCOMPARE(series[u"sum"_s].toString(), u"1.5"_s);
        QCOMPARE(series[u"count"_s].toString(), u"3"_s);
    }

    void showKeyForms()
    {
        // The push path is accepted as a key too.
        const CtlRun path = (*m_ctl)({u"show"_s, u"/metrics/job@base64/YS9i/instance@base64/="_s, u"--json"_s});
        QVERIFY2(path.exitCode == 0, qPrintable(path.describe()));
        QCOMPARE(QJsonDocument::fromJson(path.out).object()[u"key"_s].toString(), SlashKey);
        // Any label order and spacing.
        const CtlRun order = (*m_ctl)({u"show"_s, u"{ instance = \"\" , job = \"a/b\" }"_s, u"--json"_s});
        QVERIFY2(order.exitCode == 0, qPrintable(order.describe()));
    }

    void showMissingKey()
    {
        // Exactly the key: {job="a/b"} is another group than {job="a/b",instance=""}.
        const CtlRun run = (*m_ctl)({u"show"_s, u"{job=\"a/b\"}"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("pushdeckctl: no group {job=\"a/b\"}"), run.err.constData());
        QVERIFY2(run.err.contains(QByteArray("similar: " + SlashKey.toUtf8())), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void argumentErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bad regex") << QStringList{u"groups"_s, u"--match"_s, u"{job=~\"(\"}"_s} << 64
                                   << QByteArray("invalid --match {job=~\"(\"}: column 7: invalid regular expression");
        QTest::newRow("bad selector syntax") << QStringList{u"groups"_s, u"--match"_s, u"{job=\"a\" x}"_s} << 64
                                             << QByteArray("column 10");
        QTest::newRow("bad op") << QStringList{u"groups"_s, u"--match"_s, u"{job==\"a\"}"_s} << 64 << QByteArray("column ");
        QTest::newRow("bad duration") << QStringList{u"groups"_s, u"--older-than"_s, u"5x"_s} << 64
                                      << QByteArray("--older-than: invalid duration \"5x\" at column 2");
        QTest::newRow("bad duration order") << QStringList{u"groups"_s, u"--older-than"_s, u"5m1h"_s} << 64
                                            << QByteArray("invalid duration \"5m1h\"");
        QTest::newRow("bad timeout") << QStringList{u"--timeout"_s, u"soon"_s, u"groups"_s} << 64
                                     << QByteArray("--timeout: invalid duration");
        QTest::newRow("zero timeout") << QStringList{u"groups"_s, u"--timeout"_s, u"0"_s} << 64
                                      << QByteArray("--timeout must be greater than zero");
        QTest::newRow("bad state") << QStringList{u"groups"_s, u"--state"_s, u"old"_s} << 64 << QByteArray("unknown state \"old\"");
        QTest::newRow("json and wide") << QStringList{u"groups"_s, u"--json"_s, u"--wide"_s} << 64 << QByteArray("exclude");
        QTest::newRow("unknown option") << QStringList{u"groups"_s, u"--frobnicate"_s} << 64 << QByteArray("groups: unknown option --frobnicate");
        QTest::newRow("key without job") << QStringList{u"show"_s, u"{instance=\"x\"}"_s} << 64
                                         << QByteArray("a grouping key needs a job label");
        QTest::newRow("key with matcher") << QStringList{u"show"_s, u"{job=~\"x\"}"_s} << 64 << QByteArray("column 5");
        QTest::newRow("key empty job") << QStringList{u"show"_s, u"{job=\"\"}"_s} << 64 << QByteArray("column 6");
        QTest::newRow("key reserved label") << QStringList{u"show"_s, u"{job=\"a\",__x=\"1\"}"_s} << 64
                                            << QByteArray("column 10: label name \"__x\" is reserved");
        QTest::newRow("key path") << QStringList{u"show"_s, u"/metrics/job/a/instance"_s} << 64
                                  << QByteArray("odd number of segments");
        QTest::newRow("show two keys") << QStringList{u"show"_s, u"{job=\"a\"}"_s, u"{job=\"b\"}"_s} << 64
                                       << QByteArray("exactly one KEY");
        QTest::newRow("show exposition and json") << QStringList{u"show"_s, SlashKey, u"--json"_s, u"-e"_s} << 64
                                                  << QByteArray("exclude");
    }

    void argumentErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, expected);
        const CtlRun run = (*m_ctl)(arguments);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("pushdeckctl: "), run.err.constData());
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1); // one line (no caret: stderr is not a terminal)
    }

    void globalOptionsAfterCommand()
    {
        // Global options work before and after the command name.
        const CtlRun run = runCtl({u"groups"_s, u"--json"_s, u"--gateway"_s, m_gateway.url().toString(), u"--timeout"_s, u"5s"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(jsonLines(run.out).size(), 5);
        const CtlRun help = runCtl({u"groups"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: pushdeckctl [global options] groups [options]"));
        QVERIFY(help.out.contains("--older-than"));
        QVERIFY(help.out.contains("--gateway"));
    }

    // The window saves the cadences it learned per gateway; the CLI judges
    // by them too (read-only): a group pushed every 50 ms by what the window
    // saw is stale a moment later, by the default rules fresh for minutes.
    void judgesByTheCadencesTheWindowLearned()
    {
        const GroupingKey cadenced = key(u"{job=\"cadenced\"}"_s);
        QCOMPARE(m_gateway.push(cadenced, "m 1\n"), 200);
        const auto groups = m_gateway.groups();
        QVERIFY(groups);
        const auto group = std::find_if(groups->begin(), groups->end(), [&](const Group &g) { return g.key == cadenced; });
        QVERIFY(group != groups->end());
        CadenceTracker tracker;
        for (int i = 4; i >= 0; --i)
            QVERIFY(tracker.observePush(cadenced, group->pushTime - i * 0.05));
        QCOMPARE(tracker.cadence(cadenced).intervals, 4);

        Ctl learned(m_gateway.url()); // a data directory where the window saved cadences
        const QByteArray savedHome = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", learned.dataPath().toUtf8());
        const QString file = GatewaySession::cadenceFilePath(m_gateway.url());
        qputenv("XDG_DATA_HOME", savedHome);
        QVERIFY2(file.startsWith(learned.dataPath()), qPrintable(file));
        const auto saved = tracker.saveToFile(file);
        QVERIFY2(saved, qPrintable(saved.errorString()));
        QTest::qWait(300); // 6 cadences

        const QStringList arguments{u"groups"_s, u"--json"_s, u"--match"_s, cadenced.toString()};
        const CtlRun judged = learned(arguments);
        QVERIFY2(judged.exitCode == 0, qPrintable(judged.describe()));
        QCOMPARE(jsonLines(judged.out).value(0)[u"state"_s].toString(), u"stale"_s);
        const CtlRun plain = Ctl(m_gateway.url())(arguments); // nothing learned
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
        QCOMPARE(jsonLines(plain.out).value(0)[u"state"_s].toString(), u"fresh"_s);
        QCOMPARE(m_gateway.deleteGroup(cadenced), 202); // the other tests count five groups
    }

    void emptyGateway()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const CtlRun json = ctl({u"groups"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.out.isEmpty()); // JSON Lines: no groups, no lines
        const CtlRun table = ctl({u"groups"_s});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count('\n'), 1); // the header only
    }
};

QTEST_GUILESS_MAIN(TestCtlGroups)
#include "tst_ctl_groups.moc"

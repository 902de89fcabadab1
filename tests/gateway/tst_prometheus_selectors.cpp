// Selectors mean what Prometheus means (issue 18 §1). A real gateway holds
// groups with tricky label values (dots, case, unicode, `/`, an empty
// instance, a newline); a real Prometheus (TestPrometheus, Debian's 2.42)
// scrapes it with honor_labels: true. For every selector of a table,
// `pushdeckctl groups --match SEL --prometheus URL` must select exactly the
// groups whose push_time_seconds{SEL} series Prometheus returns, and a
// selector Prometheus refuses must be refused (exit 64). The dialect comes
// from the Prometheus' /api/v1/status/buildinfo; without --prometheus the
// CLI reads selectors as Prometheus 3 (where `.` matches a newline).

#include "ctlrunner.h"
#include "testgateway.h"
#include "testprometheus.h"

#include "core/promql.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <map>
#include <set>

using namespace PushDeck;
using namespace Qt::StringLiterals;

namespace {

using LabelSet = std::map<QString, QString>; // without empty values, as Prometheus stores them
using GroupSet = std::set<LabelSet>;

QString describe(const GroupSet &set)
{
    QStringList groups;
    for (const LabelSet &labels : set) {
        QStringList pairs;
        for (const auto &[name, value] : labels)
            pairs << name + u'=' + promqlString(value);
        groups << u'{' + pairs.join(u',') + u'}';
    }
    return groups.isEmpty() ? u"(none)"_s : groups.join(u' ');
}

LabelSet labelSet(const QJsonObject &object)
{
    LabelSet labels;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"__name__"_s && !it.value().toString().isEmpty())
            labels[it.key()] = it.value().toString();
    }
    return labels;
}

// The groups' keys (grouping-key text as pushdeckctl reads KEY).
const QStringList Keys = {
    u"{job=\"batch.nightly\",instance=\"db-1\"}"_s,
    u"{job=\"Batch-Nightly\",instance=\"DB-1\"}"_s,
    u"{job=\"backup\",instance=\"\"}"_s,
    u"{job=\"backup\",instance=\"host/a\"}"_s,
    u"{job=\"ünïcode\",instance=\"zürich\"}"_s,
    u"{job=\"dots\",instance=\"10.0.0.1:9100\",env=\"prod\"}"_s,
    u"{job=\"multi\",instance=\"a\\nb\"}"_s,
    u"{job=\"ci-runner\",instance=\"x\"}"_s,
};

} // namespace

class TestPrometheusSelectors : public QObject
{
    Q_OBJECT
private:
    TestGateway m_gateway;
    std::unique_ptr<TestPrometheus> m_prometheus;
    QTemporaryDir m_data;

    CtlRun ctl(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_PROMETHEUS"_s);
        return runCtl(QStringList{u"--gateway"_s, m_gateway.url().toString()} + arguments, {}, env);
    }

    std::optional<GroupSet> pushdeckSelects(const QString &selector, bool withPrometheus, CtlRun *run)
    {
        QStringList arguments{u"groups"_s, u"--json"_s, u"--match"_s, selector};
        if (withPrometheus)
            arguments << u"--prometheus"_s << m_prometheus->url().toString();
        *run = ctl(arguments);
        if (run->exitCode != 0)
            return std::nullopt;
        GroupSet set;
        for (const QByteArray &line : run->out.split('\n')) {
            if (!line.isEmpty())
                set.insert(labelSet(QJsonDocument::fromJson(line).object().value(u"labels"_s).toObject()));
        }
        return set;
    }

    std::optional<GroupSet> prometheusSelects(const QString &selector, QString *error)
    {
        const auto result = m_prometheus->query(u"push_time_seconds"_s + selector, error);
        if (!result)
            return std::nullopt;
        GroupSet set;
        for (const QJsonValue &sample : *result)
            set.insert(labelSet(sample.toObject().value(u"metric"_s).toObject()));
        return set;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestPrometheus::findBinary().isEmpty())
            QSKIP("prometheus is not installed (scripts/setup.sh installs it)");
        QVERIFY(m_data.isValid());
        QVERIFY(m_gateway.start());
        for (const QString &key : Keys)
            QCOMPARE(m_gateway.push(key, "pushdeck_selector_test 1\n"), 200);
        const qint64 pushed = QDateTime::currentMSecsSinceEpoch();
        TestPrometheusOptions options;
        options.scrapeTargets = {m_gateway.url()};
        m_prometheus = std::make_unique<TestPrometheus>(options);
        QVERIFY2(m_prometheus->start(), qPrintable(m_prometheus->errorString()));
        QVERIFY2(m_prometheus->waitForScrape(pushed), qPrintable(m_prometheus->output()));
        // Every group is a series, none was lost on the way.
        QString error;
        const auto all = prometheusSelects(u""_s, &error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(qsizetype(all->size()), Keys.size());
        qInfo("Prometheus %s", qPrintable(m_prometheus->version()));
    }

    void sameGroups_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::newRow("equal") << u"{job=\"backup\"}"_s;
        QTest::newRow("equal with dot") << u"{job=\"batch.nightly\"}"_s;
        QTest::newRow("case sensitive regex") << u"{job=~\"batch.*\"}"_s;
        QTest::newRow("(?i) flag") << u"{job=~\"(?i)batch.*\"}"_s;
        QTest::newRow("anchored, no partial match") << u"{job=~\"batch\"}"_s;
        QTest::newRow("explicit anchors") << u"{job=~\"^backup$\"}"_s;
        QTest::newRow("empty instance") << u"{instance=\"\"}"_s;
        QTest::newRow("non-empty instance") << u"{instance!=\"\"}"_s;
        QTest::newRow(".* matches absent") << u"{instance=~\".*\"}"_s;
        QTest::newRow(".+ needs a value") << u"{instance=~\".+\"}"_s;
        QTest::newRow("slash") << u"{instance=~\"host/.*\"}"_s;
        QTest::newRow("unicode") << u"{job=~\"ü.*\",instance=\"zürich\"}"_s;
        QTest::newRow("alternation") << u"{instance=~\"zürich|DB-1\"}"_s;
        QTest::newRow("absent label equals empty") << u"{env=\"\"}"_s;
        QTest::newRow("two terms") << u"{job=\"dots\",env=\"prod\"}"_s;
        QTest::newRow("escaped dots") << u"{instance=~\"10\\\\.0\\\\..*\"}"_s;
        QTest::newRow("negative regex") << u"{job!~\"b.*\"}"_s;
        QTest::newRow("negative equal") << u"{job!=\"backup\"}"_s;
        QTest::newRow("single quotes") << u"{job=~'back.*'}"_s;
        QTest::newRow("raw string") << u"{instance=~`host/\\w`}"_s;
        QTest::newRow("go escape in string") << u"{job=\"\\x62ackup\"}"_s;
        QTest::newRow("posix class") << u"{instance=~\"[[:alpha:]]+-1\"}"_s;
        QTest::newRow("perl class") << u"{instance=~\"\\\\d+\\\\.\\\\d.*\"}"_s;
        QTest::newRow("unicode class") << u"{job=~\"\\\\p{L}+\"}"_s;
        QTest::newRow("newline via escape") << u"{instance=~\"a\\nb\"}"_s;
        QTest::newRow("dot and newline (2.x: no)") << u"{instance=~\"a.b\"}"_s;
        QTest::newRow("(?s) dot and newline") << u"{instance=~\"(?s)a.b\"}"_s;
        QTest::newRow("trailing comma") << u"{job=\"backup\",}"_s;
        QTest::newRow("whitespace") << u"{ job = \"backup\" , instance != \"\" }"_s;
        QTest::newRow("nothing") << u"{job=\"nope\"}"_s;
    }

    void sameGroups()
    {
        QFETCH(QString, selector);
        QString error;
        const auto expected = prometheusSelects(selector, &error);
        QVERIFY2(expected, qPrintable(u"Prometheus refused %1: %2"_s.arg(selector, error)));
        CtlRun run;
        const auto actual = pushdeckSelects(selector, true, &run);
        QVERIFY2(actual, qPrintable(run.describe()));
        QVERIFY2(*actual == *expected,
                 qPrintable(u"%1\n  Prometheus: %2\n  PushDeck:   %3"_s.arg(selector, describe(*expected), describe(*actual))));
    }

    void refusedByBoth_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::newRow("lookahead") << u"{job=~\"(?!ci).*\"}"_s;
        QTest::newRow("lookbehind") << u"{job=~\"(?<=b).*\"}"_s;
        QTest::newRow("backreference") << u"{job=~\"(b)\\\\1\"}"_s;
        QTest::newRow("\\C") << u"{job=~\"\\\\C\"}"_s;
        QTest::newRow("possessive") << u"{job=~\"a*+\"}"_s;
        QTest::newRow("atomic group") << u"{job=~\"(?>a)\"}"_s;
        QTest::newRow("repeat over 1000") << u"{job=~\"a{1001}\"}"_s;
        QTest::newRow("bad range") << u"{job=~\"[z-a]\"}"_s;
        QTest::newRow("unclosed group") << u"{job=~\"(a\"}"_s;
        QTest::newRow("\\Z") << u"{job=~\"a\\\\Z\"}"_s;
        QTest::newRow("named group (?<n>), Go < 1.22") << u"{job=~\"(?<n>a)\"}"_s;
        QTest::newRow("quoted name (Prometheus 3 only)") << u"{\"service.name\"=\"x\"}"_s;
        QTest::newRow("bad string escape") << u"{job=\"\\q\"}"_s;
        QTest::newRow("missing comma") << u"{job=\"a\" instance=\"b\"}"_s;
        QTest::newRow("unquoted value") << u"{job=backup}"_s;
        QTest::newRow("bad operator") << u"{job==\"a\"}"_s;
        QTest::newRow("unclosed") << u"{job=\"a\""_s;
        QTest::newRow("name starting with a digit") << u"{1job=\"a\"}"_s;
    }

    void refusedByBoth()
    {
        QFETCH(QString, selector);
        QString error;
        const auto prometheus = prometheusSelects(selector, &error);
        QVERIFY2(!prometheus, qPrintable(u"Prometheus accepted %1: %2"_s.arg(selector, describe(*prometheus))));
        CtlRun run;
        const auto pushdeck = pushdeckSelects(selector, true, &run);
        QVERIFY2(!pushdeck, qPrintable(u"PushDeck accepted %1 (Prometheus: %2): %3"_s.arg(selector, error, describe(*pushdeck))));
        QVERIFY2(run.exitCode == 64, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("--match"), qPrintable(run.describe()));
    }

    // Without a Prometheus to ask, selectors are read as Prometheus 3: `.`
    // matches a newline and quoted names are fine. The real 2.42 differs,
    // which is why the dialect must come from the Prometheus in use.
    void prometheus3WithoutPrometheus()
    {
        CtlRun run;
        const auto dot = pushdeckSelects(u"{instance=~\"a.b\"}"_s, false, &run);
        QVERIFY2(dot, qPrintable(run.describe()));
        QCOMPARE(dot->size(), size_t(1));
        QCOMPARE(dot->begin()->at(u"job"_s), u"multi"_s);
        QString error;
        const auto real = prometheusSelects(u"{instance=~\"a.b\"}"_s, &error);
        QVERIFY2(real, qPrintable(error));
        QVERIFY(real->empty());

        const auto quoted = pushdeckSelects(u"{\"job\"=\"backup\"}"_s, false, &run);
        QVERIFY2(quoted, qPrintable(run.describe()));
        QCOMPARE(quoted->size(), size_t(2));
    }

    // The rules file's selectors are read in the same dialect: a quoted
    // name that 2.42 cannot load is refused (bad input data).
    void rulesFileInThePrometheusDialect()
    {
        QFile rules(m_data.filePath(u"rules.json"_s));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write("{\"version\":1,\"rules\":[{\"matcher\":\"{\\\"service.name\\\"=\\\"x\\\"}\",\"warn\":\"1h\",\"stale\":\"2h\"}]}");
        rules.close();
        const CtlRun three = ctl({u"groups"_s, u"--rules"_s, rules.fileName()});
        QVERIFY2(three.exitCode == 0, qPrintable(three.describe()));
        const CtlRun two = ctl({u"groups"_s, u"--rules"_s, rules.fileName(), u"--prometheus"_s, m_prometheus->url().toString()});
        QVERIFY2(two.exitCode == 65, qPrintable(two.describe()));
        QVERIFY2(two.err.contains("--rules: rule 1") && two.err.contains("2.42"), qPrintable(two.describe()));
    }

    // A Prometheus that does not answer: a warning, then Prometheus 3.
    void unreachablePrometheusWarns()
    {
        const CtlRun run = ctl({u"groups"_s, u"--match"_s, u"{instance=~\"a.b\"}"_s, u"--prometheus"_s,
                                m_gateway.url().toString()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("cannot tell the version of Prometheus"), qPrintable(run.describe()));
        QVERIFY2(run.out.contains("multi"), qPrintable(run.describe()));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSelectors)
#include "tst_prometheus_selectors.moc"

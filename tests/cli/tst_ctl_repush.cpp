// pushdeckctl repush against real gateways: move to another key (the old
// group deleted only after the copy reads back), copy with --keep-old, copy
// and move to another gateway, keys with `/` and empty values, refusals
// (existing target, missing source, no --yes, --read-only) and --dry-run.

#include "builders.h"
#include "ctlrunner.h"
#include "format/expositioncheck.h"
#include "testgateway.h"

#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

class Ctl
{
public:
    explicit Ctl(QUrl gateway) : m_gateway(std::move(gateway)) {}
    CtlRun operator()(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_READ_ONLY"_s);
        return runCtl(QStringList{u"--gateway"_s, m_gateway.toString()} + arguments, {}, env);
    }

private:
    QUrl m_gateway;
    QTemporaryDir m_data;
};

const QByteArray Text = "# HELP v A value.\n# TYPE v gauge\nv{x=\"1\"} NaN\nv{x=\"2\"} 0.1\n"
                        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n";

bool sameContent(const Group &a, const Group &b)
{
    return sameFamilies(withoutKeyLabels(a.families, a.key),
                        withoutKeyLabels(b.families, b.key));
}

} // namespace

class TestCtlRepush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void moveAndCopy()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const QString from = u"{job=\"a/b\",instance=\"\"}"_s;
        const QString to = u"{job=\"renamed\",instance=\"db/1\"}"_s;
        QCOMPARE(gateway.push(from, Text), 200);
        const auto original = gateway.group(key(from));
        QVERIFY(original);

        const CtlRun copy = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, to, u"--keep-old"_s});
        QVERIFY2(copy.exitCode == 0, qPrintable(copy.describe()));
        QVERIFY(gateway.group(key(from)));
        auto copied = gateway.group(key(to));
        QVERIFY(copied);
        QVERIFY(sameContent(*original, *copied));

        // Moving onto an existing group needs --overwrite.
        const CtlRun exists = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, to, u"--yes"_s});
        QVERIFY2(exists.exitCode == 1, qPrintable(exists.describe()));
        QVERIFY2(exists.err.contains("already exists"), exists.err.constData());
        QVERIFY(gateway.group(key(from)));

        const QString third = u"{job=\"third\"}"_s;
        const CtlRun move = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, third, u"--yes"_s});
        QVERIFY2(move.exitCode == 0, qPrintable(move.describe()));
        QVERIFY2(move.out.contains("moved"), move.out.constData());
        QVERIFY(!gateway.group(key(from)));
        const auto moved = gateway.group(key(third));
        QVERIFY(moved);
        QVERIFY(sameContent(*original, *moved));
    }

    void refusals()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const QString from = u"{job=\"src\"}"_s;
        QCOMPARE(gateway.push(from, Text), 200);
        const double pushTime = gateway.group(key(from))->pushTime;

        // A move deletes the old group: not without --yes in a script.
        const CtlRun noYes = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, u"{job=\"dst\"}"_s});
        QCOMPARE(noYes.exitCode, 77);
        QVERIFY(noYes.err.contains("--yes"));
        const CtlRun readOnly = ctl({u"--read-only"_s, u"repush"_s, u"--from"_s, from, u"--to"_s, u"{job=\"dst\"}"_s, u"--keep-old"_s});
        QCOMPARE(readOnly.exitCode, 77);
        const CtlRun dry = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, u"{job=\"dst\"}"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QVERIFY(dry.out.contains("would move {job=\"src\"} to {job=\"dst\"}"));
        const CtlRun missing = ctl({u"repush"_s, u"--from"_s, u"{job=\"nope\"}"_s, u"--to"_s, u"{job=\"dst\"}"_s, u"--yes"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no group {job=\"nope\"}"));
        const CtlRun same = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, from, u"--yes"_s});
        QCOMPARE(same.exitCode, 64);
        const CtlRun noTo = ctl({u"repush"_s, u"--from"_s, from});
        QCOMPARE(noTo.exitCode, 64);
        const CtlRun badKey = ctl({u"repush"_s, u"--from"_s, from, u"--to"_s, u"{job=\"x\",}y"_s});
        QCOMPARE(badKey.exitCode, 64);
        QVERIFY2(badKey.err.contains("invalid --to"), badKey.err.constData());

        QTest::qWait(200);
        QCOMPARE(gateway.groups()->size(), 1);
        QCOMPARE(gateway.group(key(from))->pushTime, pushTime);
    }

    void toOtherGateway()
    {
        TestGateway source;
        QVERIFY(source.start());
        TestGateway target;
        QVERIFY(target.start());
        Ctl ctl(source.url());
        const QString a = u"{job=\"a/b\",instance=\"\"}"_s;
        const QString b = u"{job=\"b\"}"_s;
        QCOMPARE(source.push(a, Text), 200);
        QCOMPARE(source.push(b, "x 1\n"), 200);
        const auto original = source.group(key(a));

        // Copy under the same key.
        const CtlRun copy = ctl({u"repush"_s, u"--from"_s, a, u"--to-gateway"_s, target.url().toString(), u"--keep-old"_s});
        QVERIFY2(copy.exitCode == 0, qPrintable(copy.describe()));
        QVERIFY(source.group(key(a)));
        const auto there = target.group(key(a));
        QVERIFY(there);
        QVERIFY(sameContent(*original, *there));

        // Move under another key: copied, verified there, then deleted here.
        const CtlRun move = ctl({u"repush"_s, u"--from"_s, b, u"--to"_s, u"{job=\"b2\"}"_s, u"--to-gateway"_s,
                                 target.url().toString(), u"--yes"_s});
        QVERIFY2(move.exitCode == 0, qPrintable(move.describe()));
        QVERIFY(move.out.contains("deleted {job=\"b\"}"));
        QVERIFY(!source.group(key(b)));
        QVERIFY(target.group(key(u"{job=\"b2\"}"_s)));
        QCOMPARE(source.groups()->size(), 1);
        QCOMPARE(target.groups()->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlRepush)
#include "tst_ctl_repush.moc"

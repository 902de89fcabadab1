// The operation dialogs and the operations controller driven like a user
// would, offscreen, against real gateways: delete exactly the selected keys,
// bulk delete by matcher with preview and dry run, cancel in the middle of a
// bigger run, prune, wipe, push with validation and the gateway's own
// rejection, re-push (move, edit, touch, copy), undo, audit log and read-only
// mode. Every dialog is also grabbed to /tmp/opsgui-*.png for a visual check.

#include "operations/auditlog.h"
#include "views/operations/auditlogdock.h"
#include "views/operations/bulkdeleteview.h"
#include "views/operations/deletedialog.h"
#include "views/common/expositionedit.h"
#include "views/common/groupkeyedit.h"
#include "operations/groupoperations.h"
#include "views/operations/operationkeytable.h"
#include "views/operations/operationscontroller.h"
#include "core/awaitfuture.h"
#include "session/gatewaysession.h"
#include "views/operations/prunewizard.h"
#include "views/operations/pushdialog.h"
#include "views/operations/repushdialog.h"
#include "operations/snapshot.h"
#include "builders.h"
#include "testgateway.h"
#include "views/operations/wipedialog.h"
#include "format/expositioncheck.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

QStringList keyTexts(const QList<Group> &groups)
{
    QStringList out;
    for (const Group &g : groups)
        out << g.key.toString();
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const Group *find(const QList<Group> &groups, const GroupingKey &k)
{
    for (const Group &g : groups) {
        if (g.key == k)
            return &g;
    }
    return nullptr;
}

// Untouched means: same key, same push times, same families.
bool sameGroup(const Group &a, const Group &b)
{
    return a.key == b.key && a.pushTime == b.pushTime && a.pushFailureTime == b.pushFailureTime
        && a.lastPushSuccessful == b.lastPushSuccessful && sameFamilies(a.families, b.families);
}

// Quick verification so the tests stay fast; the gateway applies writes
// within milliseconds on loopback.
BulkDeleteOptions fastOptions(int concurrency = 4)
{
    BulkDeleteOptions options;
    options.concurrency = concurrency;
    options.verifyReads = 20;
    options.verifyDelayMs = 50;
    options.verifyTimeoutMs = 10000;
    return options;
}

void grab(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = u"/tmp/opsgui-"_s + name + u".png"_s;
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
}

const QByteArray VarietyText = "# HELP v help with \\\\ backslash and\\nnewline\n"
                               "# TYPE v gauge\n"
                               "v{i=\"0\",text=\"line\\nbreak \\\"quoted\\\" slash/ü日本\"} NaN\n"
                               "v{i=\"1\"} +Inf\n"
                               "v{i=\"2\"} -Inf\n"
                               "v{i=\"3\"} 0.1\n"
                               "# HELP h A histogram.\n"
                               "# TYPE h histogram\n"
                               "h_bucket{le=\"0.1\"} 1\n"
                               "h_bucket{le=\"+Inf\"} 3\n"
                               "h_sum 1.5\n"
                               "h_count 3\n"
                               "# TYPE s summary\n"
                               "s{quantile=\"0.5\"} 0.2\n"
                               "s_sum 2\n"
                               "s_count 4\n";

} // namespace

class TestOperationsGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void deleteDialogDeletesExactlyTheSelectedKeys()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const GroupingKey slash = key(u"{job=\"dump\",path=\"/var/lib\"}"_s);
        const GroupingKey empty = key(u"{job=\"empty\",instance=\"\"}"_s);
        const GroupingKey prefix = key(u"{job=\"dump\"}"_s); // the slash key's job alone: must survive
        const GroupingKey other = key(u"{job=\"other\",instance=\"a\"}"_s);
        QCOMPARE(gateway.push(slash, "x 1\n"), 200);
        QCOMPARE(gateway.push(empty, "y 2\n"), 200);
        QCOMPARE(gateway.push(prefix, "x 3\n"), 200);
        QCOMPARE(gateway.push(other, "z 1\n"), 200);
        const auto before = gateway.groups();
        QVERIFY(before);
        QVERIFY(find(*before, empty)); // the gateway keeps the empty-valued key as it is
        const QList<Group> selected = {*find(*before, slash), *find(*before, empty)};

        QTemporaryDir dir;
        SnapshotStore store(dir.filePath(u"snapshots"_s));
        AuditLog audit(dir.filePath(u"audit.jsonl"_s));
        GatewaySession session(gateway.url());
        session.setSnapshotStore(&store);
        session.setAuditLog(&audit);
        DeleteDialog dialog(DeleteDialog::Mode::Selection, &session, selected);
        dialog.setBulkOptions(fastOptions());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QCOMPARE(sorted(dialog.previewTable()->keyTexts()), sorted({slash.toString(), empty.toString()}));
        QVERIFY(dialog.deleteButton()->isEnabled());
        QVERIFY(dialog.deleteButton()->text().contains(u"2"_s));
        grab(&dialog, u"delete-confirm"_s);

        QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning() || dialog.hasFinished());
        QVERIFY(finished.wait(15000));
        const BulkDeleteReport report = dialog.report();
        QCOMPARE(report.keys.size(), 2);
        QVERIFY2(report.allDeleted(), qPrintable(report.summary()));
        QVERIFY(!report.snapshotPath.isEmpty());
        QCOMPARE(dialog.runView()->table()->outcomeText(slash), OperationKeyTable::outcomeLabel(DeleteOutcome::Deleted));
        QCOMPARE(dialog.runView()->table()->outcomeText(empty), OperationKeyTable::outcomeLabel(DeleteOutcome::Deleted));
        QVERIFY(dialog.closeButton()->isEnabled());
        grab(&dialog, u"delete-report"_s);

        const auto after = gateway.groups();
        QVERIFY(after);
        QCOMPARE(keyTexts(*after), sorted({prefix.toString(), other.toString()}));
        QVERIFY(sameGroup(*find(*after, prefix), *find(*before, prefix)));
        QVERIFY(sameGroup(*find(*after, other), *find(*before, other)));
        // The undo snapshot holds exactly the deleted groups.
        const auto snapshot = store.load(report.snapshotPath);
        QVERIFY(snapshot);
        QCOMPARE(keyTexts(snapshot->groups), sorted({slash.toString(), empty.toString()}));
    }

    void bulkByMatcherPreviewsExactlyAndDryRunSendsNothing()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const QStringList matching = {u"{job=\"batch-1\"}"_s, u"{job=\"batch-2\",instance=\"w/1\"}"_s,
                                      u"{job=\"batch-3\",instance=\"\"}"_s};
        const QStringList others = {u"{job=\"batch\"}"_s, u"{job=\"nightly\",instance=\"batch-1\"}"_s,
                                    u"{job=\"xbatch-1\"}"_s};
        for (const QString &k : matching + others)
            QCOMPARE(gateway.push(k, "m 1\n"), 200);
        const auto before = gateway.groups();
        QVERIFY(before);
        QCOMPARE(before->size(), 6);

        GatewaySession dialogSession(gateway.url());

        DeleteDialog dialog(DeleteDialog::Mode::Matcher, &dialogSession, *before);
        dialog.setBulkOptions(fastOptions());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Nothing typed: nothing selected, and no way to delete everything.
        QVERIFY(!dialog.deleteButton()->isEnabled());
        QVERIFY(dialog.preview().isEmpty());

        // A broken matcher, typed: the problem with its column, no preview.
        QTest::keyClicks(dialog.matcherEdit(), u"{job=~\"batch-[\"}"_s);
        QTRY_VERIFY(!dialog.matcherProblemLabel()->text().isEmpty());
        QVERIFY(!dialog.problem().isEmpty());
        QVERIFY2(dialog.matcherProblemLabel()->text().contains(u"column"_s), qPrintable(dialog.matcherProblemLabel()->text()));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        grab(&dialog, u"bulk-invalid"_s);

        dialog.setMatcherText(u"{job=~\"batch-.*\"}"_s);
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QCOMPARE(sorted(dialog.previewTable()->keyTexts()), sorted(matching));
        QVERIFY2(dialog.countLabel()->text().startsWith(u"3 of 6"_s), qPrintable(dialog.countLabel()->text()));
        QVERIFY(dialog.deleteButton()->isEnabled());
        grab(&dialog, u"bulk-preview"_s);

        dialog.dryRunCheck()->setChecked(true);
        QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        const BulkDeleteReport report = dialog.report();
        QVERIFY(report.dryRun);
        QCOMPARE(report.keys.size(), 3);
        QCOMPARE(report.count(DeleteOutcome::NotSent), 3);
        QVERIFY(report.keys.at(0).sent == false);
        grab(&dialog, u"bulk-dryrun"_s);
        const auto afterDry = gateway.groups();
        QVERIFY(afterDry);
        QCOMPARE(afterDry->size(), before->size());
        for (const Group &g : *before)
            QVERIFY(sameGroup(*find(*afterDry, g.key), g));

        // A real run deletes the previewed set only, also when a matching
        // group appears after the preview.
        GatewaySession realSession(gateway.url());
        DeleteDialog real(DeleteDialog::Mode::Matcher, &realSession, *afterDry);
        real.setBulkOptions(fastOptions());
        real.setMatcherText(u"{job=~\"batch-.*\"}"_s);
        QCOMPARE(real.preview().size(), 3);
        QCOMPARE(gateway.push(u"{job=\"batch-late\"}"_s, "m 2\n"), 200);
        QSignalSpy realFinished(&real, &DeleteDialog::deleteFinished);
        real.startDelete();
        QVERIFY(realFinished.wait(15000));
        QVERIFY2(real.report().allDeleted(), qPrintable(real.report().summary()));
        const auto afterReal = gateway.groups();
        QVERIFY(afterReal);
        QCOMPARE(keyTexts(*afterReal), sorted(others + QStringList{u"{job=\"batch-late\"}"_s}));
        for (const QString &k : others)
            QVERIFY(sameGroup(*find(*afterReal, key(k)), *find(*before, key(k))));
    }

    // Item 12: Return in the matcher only refreshes the preview: no run
    // starts, the dialog stays open.
    void returnInTheMatcherOnlyRefreshesThePreview()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        for (const QString &k : {u"{job=\"batch-1\"}"_s, u"{job=\"batch-2\"}"_s, u"{job=\"other\"}"_s})
            QCOMPARE(gateway.push(k, "m 1\n"), 200);
        const auto before = gateway.groups();
        QVERIFY(before);
        GatewaySession session(gateway.url());
        DeleteDialog dialog(DeleteDialog::Mode::Matcher, &session, *before);
        dialog.setBulkOptions(fastOptions());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.matcherEdit(), u"{job=~\"batch-.*\"}"_s);
        QTest::keyClick(dialog.matcherEdit(), Qt::Key_Return);
        QCOMPARE(dialog.preview().size(), 2);
        QTest::keyClick(dialog.matcherEdit(), Qt::Key_Enter, Qt::KeypadModifier);
        QTest::qWait(200);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isRunning());
        QVERIFY(!dialog.hasFinished());
        QCOMPARE(dialog.result(), 0);
        QCOMPARE(gateway.groups()->size(), 3);
    }

    // Item 12: with the gateway gone mid-run, Stop still works while the
    // run waits for it (verification would retry for a minute).
    void stopWorksWhileTheGatewayIsDown()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QList<GroupingKey> keys;
        for (int i = 0; i < 300; ++i)
            keys.append(key(u"{job=\"down\",instance=\"i%1\"}"_s.arg(i)));
        for (const GroupingKey &k : keys)
            QCOMPARE(gateway.push(k, "m 1\n"), 200);
        const auto before = gateway.groups();
        QVERIFY(before);
        GatewaySession session(gateway.url());
        DeleteDialog dialog(DeleteDialog::Mode::Selection, &session, *before);
        BulkDeleteOptions options = fastOptions(2);
        options.verifyTimeoutMs = 60000;
        options.batchSize = 300;
        options.stopAfterNetworkErrors = 4;
        dialog.setBulkOptions(options);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = dialog.findChild<BulkDeleteView *>();
        QVERIFY(view);
        bool stopped = false;
        QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
        dialog.startDelete();
        QTRY_VERIFY_WITH_TIMEOUT(view->statusText().startsWith(u"Deleting: "_s), 10000);
        gateway.gateway().stop();
        stopped = true;
        QTRY_VERIFY_WITH_TIMEOUT(view->statusText().startsWith(u"Verifying"_s), 20000);
        QVERIFY(view->cancelButton()->isEnabled());
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(stopped);
        QVERIFY(dialog.closeButton()->isEnabled());
        QCOMPARE(dialog.report().count(DeleteOutcome::Deleted), 0);
        QVERIFY(dialog.report().count(DeleteOutcome::Unverified) > 0);
        QVERIFY2(view->statusText().startsWith(u"Stopped waiting: "_s), qPrintable(view->statusText()));
        grab(&dialog, u"bulk-stopped-gateway-down"_s);
    }

    void cancelMidRunLeavesAConsistentReport()
    {
        LocalGatewayOptions options;
        options.consistencyCheck = false; // 300 pushes in well under a second
        TestGateway gateway(options);
        QVERIFY(gateway.start());
        constexpr int Count = 300;
        // Without the consistency check the gateway answers pushes with 202.
        for (int i = 0; i < Count; ++i) {
            const int status = gateway.push(u"{job=\"bulk\",instance=\"i-%1\"}"_s.arg(i, 3, 10, QLatin1Char('0')), "m 1\n");
            QVERIFY2(status == 200 || status == 202, qPrintable(QString::number(status)));
        }
        QVERIFY(gateway.waitForGroups([](const QList<Group> &groups) { return groups.size() == Count; }));
        const auto before = gateway.groups();
        QVERIFY(before);
        QCOMPARE(before->size(), Count);

        GatewaySession dialogSession(gateway.url());

        DeleteDialog dialog(DeleteDialog::Mode::Matcher, &dialogSession, *before);
        dialog.setBulkOptions(fastOptions(1));
        dialog.setMatcherText(u"{job=\"bulk\"}"_s);
        QCOMPARE(dialog.preview().size(), Count);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Press Stop after 30 answers, from inside the progress signal so the
        // moment does not depend on the machine's speed.
        bool grabbedProgress = false;
        connect(dialog.runView(), &BulkDeleteView::progress, &dialog, [&](int done, int) {
            if (done == 30) {
                grab(&dialog, u"bulk-progress"_s);
                grabbedProgress = true;
                QTest::mouseClick(dialog.runView()->cancelButton(), Qt::LeftButton);
            }
        });
        QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
        dialog.startDelete();
        QVERIFY(finished.wait(30000));
        QVERIFY(grabbedProgress);
        const BulkDeleteReport report = dialog.report();
        QVERIFY(report.cancelled);
        QCOMPARE(report.keys.size(), Count);
        const int deleted = report.count(DeleteOutcome::Deleted);
        const int notSent = report.count(DeleteOutcome::NotSent);
        QCOMPARE(deleted + notSent, Count);
        QVERIFY2(deleted >= 30 && deleted <= 31, qPrintable(report.summary())); // one may be in flight
        QVERIFY(notSent > 0);
        grab(&dialog, u"bulk-cancelled"_s);

        // The report matches the gateway key by key.
        const auto after = gateway.groups();
        QVERIFY(after);
        QCOMPARE(after->size(), notSent);
        for (const KeyDeleteReport &k : report.keys) {
            const bool present = find(*after, k.key) != nullptr;
            QCOMPARE(present, k.outcome == DeleteOutcome::NotSent);
            QVERIFY(!dialog.runView()->table()->outcomeText(k.key).isEmpty());
        }
        QCOMPARE(dialog.runView()->table()->rowCount(), Count);
    }

    void pruneWizardPreviewsAndRuns()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const QStringList old = {u"{job=\"old-a\"}"_s, u"{job=\"old-b\",instance=\"x/y\"}"_s};
        const QStringList fresh = {u"{job=\"fresh-a\"}"_s, u"{job=\"fresh-b\",instance=\"x\"}"_s};
        for (const QString &k : old + fresh)
            QCOMPARE(gateway.push(k, "m 1\n"), 200);
        const auto groups = gateway.groups();
        QVERIFY(groups);
        // Groups of "old-*" are stale after a millisecond, the rest after an hour.
        StalenessPolicy policy;
        policy.setDefaults(3600, 7200);
        policy.setRules({StalenessRule(LabelMatcher::parse(u"{job=~\"old-.*\"}"_s).value(), 0, 0.001, u"old"_s)});
        QTest::qWait(5);

        GatewaySession session(gateway.url());
        session.setConfiguredPolicy(policy);
        PruneWizard wizard(&session, *groups);
        wizard.setBulkOptions(fastOptions());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(wizard.stateCheck(Staleness::Stale)->isChecked());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(wizard.criteriaProblemLabel()->text().contains(u"Selects 2 of 4"_s),
                 qPrintable(wizard.criteriaProblemLabel()->text()));

        // A bad duration blocks Next and says why.
        QTest::keyClicks(wizard.minAgeEdit(), u"3x"_s);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(wizard.criteriaProblemLabel()->text().startsWith(u"Minimum age"_s),
                 qPrintable(wizard.criteriaProblemLabel()->text()));
        grab(&wizard, u"prune-criteria-invalid"_s);
        wizard.minAgeEdit()->setText(u"1h"_s);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard.criteriaProblemLabel()->text().contains(u"Selects 0 of 4"_s)); // stale AND older than 1h
        wizard.combineAnyButton()->setChecked(true);
        QVERIFY(wizard.criteriaProblemLabel()->text().contains(u"Selects 2 of 4"_s)); // stale OR older than 1h
        wizard.minAgeEdit()->clear();
        // No criterion at all is refused.
        wizard.stateCheck(Staleness::Stale)->setChecked(false);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        wizard.stateCheck(Staleness::Stale)->setChecked(true);
        wizard.matcherEdit()->setText(u"{instance=~\"x.*\""_s);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        wizard.matcherEdit()->clear();
        grab(&wizard, u"prune-criteria"_s);

        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(PruneWizard::PreviewPage));
        QCOMPARE(sorted(wizard.previewTable()->keyTexts()), sorted(old));
        grab(&wizard, u"prune-preview"_s);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(PruneWizard::ConfirmPage));
        QVERIFY2(wizard.confirmLabel()->text().contains(u"Delete 2 group"_s), qPrintable(wizard.confirmLabel()->text()));
        grab(&wizard, u"prune-confirm"_s);

        QSignalSpy finished(&wizard, &PruneWizard::deleteFinished);
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(PruneWizard::RunPage));
        QVERIFY(finished.wait(15000));
        QVERIFY2(wizard.report().allDeleted(), qPrintable(wizard.report().summary()));
        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        grab(&wizard, u"prune-report"_s);
        const auto after = gateway.groups();
        QVERIFY(after);
        QCOMPARE(keyTexts(*after), sorted(fresh));
    }

    void wipeButtonNeedsTheTypedAddress()
    {
        QCOMPARE(WipeDialog::expectedConfirmation(QUrl(u"http://[::1]:9091"_s)), u"[::1]:9091"_s);
        QCOMPARE(WipeDialog::expectedConfirmation(QUrl(u"https://gw.example/pg"_s)), u"gw.example:443"_s);
        QCOMPARE(WipeDialog::expectedConfirmation(QUrl(u"http://gw.example"_s)), u"gw.example:80"_s);

        TestGateway gateway; // admin API on by default
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"b\",instance=\"/x\"}"_s, "m 1\n"), 200);
        QTemporaryDir dir;
        SnapshotStore store(dir.path());
        GroupOperations ops(&gateway.client());
        ops.setSnapshotStore(&store);
        ops.setVerification(40, 50);

        WipeDialog dialog(&ops, gateway.url(), 2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString address = u"127.0.0.1:"_s + QString::number(gateway.url().port());
        QVERIFY(!dialog.wipeButton()->isEnabled());
        QTest::keyClicks(dialog.confirmEdit(), u"127.0.0.1"_s);
        QVERIFY(!dialog.wipeButton()->isEnabled());
        grab(&dialog, u"wipe-typing"_s);
        dialog.confirmEdit()->setText(u"127.0.0.1:1"_s);
        QVERIFY(!dialog.wipeButton()->isEnabled());
        dialog.confirmEdit()->clear();
        QTest::keyClicks(dialog.confirmEdit(), address);
        QVERIFY(dialog.wipeButton()->isEnabled());
        grab(&dialog, u"wipe-ready"_s);

        QSignalSpy finished(&dialog, &WipeDialog::wipeFinished);
        QTest::mouseClick(dialog.wipeButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.resultText()));
        QVERIFY(!dialog.wipeButton()->isEnabled());
        grab(&dialog, u"wipe-done"_s);
        const auto after = gateway.groups();
        QVERIFY(after);
        QVERIFY(after->isEmpty());
        QCOMPARE(store.list().size(), 1); // the undo snapshot of both groups
    }

    void pushDialogValidatesAndShowsTheGatewaysMessage()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QTemporaryDir dir;
        SnapshotStore store(dir.path());
        GroupOperations ops(&gateway.client());
        ops.setSnapshotStore(&store);
        ops.setVerification(40, 50);

        PushDialog dialog(&ops, gateway.url(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // The key: errors with their column, a valid one previews the path.
        QTest::keyClicks(dialog.keyEdit()->lineEdit(), u"{job=}"_s);
        QVERIFY(!dialog.keyEdit()->isValid());
        QVERIFY2(dialog.keyEdit()->statusText().contains(u"column"_s), qPrintable(dialog.keyEdit()->statusText()));
        QVERIFY(!dialog.pushButton()->isEnabled());
        const GroupingKey target = key(u"{job=\"pushed\",path=\"/a/b\"}"_s);
        dialog.keyEdit()->setText(target.toString());
        QVERIFY(dialog.keyEdit()->isValid());
        QVERIFY2(dialog.keyEdit()->statusText().startsWith(u"PUT "_s + gateway.url().toString() + u"/metrics/job/pushed/path@base64/"_s),
                 qPrintable(dialog.keyEdit()->statusText()));

        // Bad text: line and column shown, the cursor goes there, nothing to push.
        dialog.expositionEdit()->setText("# TYPE a gauge\na{x=\"1\"} 1\na{x=\"1\"} 2\n");
        QVERIFY(!dialog.expositionEdit()->isValid());
        QVERIFY2(dialog.expositionEdit()->statusText().contains(u"line 3"_s), qPrintable(dialog.expositionEdit()->statusText()));
        QVERIFY(dialog.expositionEdit()->statusText().contains(u"duplicate"_s));
        QCOMPARE(dialog.expositionEdit()->editor()->textCursor().blockNumber(), 2);
        QVERIFY(!dialog.pushButton()->isEnabled());
        grab(&dialog, u"push-invalid"_s);

        dialog.expositionEdit()->setText("ok 1\nbad{x=\"1\" 2\n");
        QVERIFY(!dialog.expositionEdit()->isValid());
        const Error &error = dialog.expositionEdit()->validation().error();
        QCOMPARE(error.line, 2);
        QVERIFY(error.column > 1);
        QCOMPARE(dialog.expositionEdit()->editor()->textCursor().blockNumber(), 1);
        QCOMPARE(dialog.expositionEdit()->editor()->textCursor().positionInBlock(), error.column - 1);

        // Valid for us, refused by the gateway: its own metric is a gauge.
        dialog.expositionEdit()->setText("go_goroutines 1\n");
        QVERIFY(dialog.expositionEdit()->isValid());
        QVERIFY(dialog.pushButton()->isEnabled());
        QSignalSpy finished(&dialog, &PushDialog::pushFinished);
        QTest::mouseClick(dialog.pushButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY(!dialog.lastPushSucceeded());
        QVERIFY2(dialog.resultText().contains(u"HTTP 400"_s), qPrintable(dialog.resultText()));
        QVERIFY2(dialog.resultText().contains(u"go_goroutines has type UNTYPED but should have GAUGE"_s),
                 qPrintable(dialog.resultText()));
        grab(&dialog, u"push-rejected"_s);
        auto groups = gateway.groups();
        QVERIFY(groups);
        QVERIFY(groups->isEmpty()); // nothing changed

        dialog.expositionEdit()->setText("# TYPE t gauge\nt{k=\"v\"} 1.5\n");
        QTest::mouseClick(dialog.pushButton(), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY2(dialog.lastPushSucceeded(), qPrintable(dialog.resultText()));
        grab(&dialog, u"push-done"_s);
        const auto pushed = gateway.group(target);
        QVERIFY(pushed);
        QCOMPARE(pushed->families.size(), 1);
        QCOMPARE(pushed->families.first().name, u"t"_s);
        QCOMPARE(pushed->families.first().series.first().value, 1.5);
    }

    void rePushMovesEditsTouchesAndCopies()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const GroupingKey from = key(u"{job=\"m\",instance=\"old\"}"_s);
        const GroupingKey to = key(u"{job=\"m\",instance=\"new/1\"}"_s);
        const GroupingKey busy = key(u"{job=\"m\",instance=\"taken\"}"_s);
        QCOMPARE(gateway.push(from, VarietyText), 200);
        QCOMPARE(gateway.push(busy, "other 1\n"), 200);
        const auto groups = gateway.groups();
        QVERIFY(groups);
        const Group original = *find(*groups, from);
        QTemporaryDir dir;
        SnapshotStore store(dir.path());
        GroupOperations ops(&gateway.client());
        ops.setSnapshotStore(&store);
        ops.setVerification(40, 50);

        // Move: blocked onto an existing key, then verified onto a new one.
        {
            RePushDialog dialog(&ops, gateway.url(), original, *groups);
            dialog.setMode(RePushDialog::Mode::Move);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(!dialog.runButton()->isEnabled()); // still the same key
            dialog.moveKeyEdit()->setText(busy.toString());
            QVERIFY(!dialog.runButton()->isEnabled());
            QVERIFY(dialog.moveKeyEdit()->statusText().contains(u"exists"_s));
            dialog.moveKeyEdit()->setText(to.toString());
            QVERIFY(dialog.runButton()->isEnabled());
            QCOMPARE(dialog.runButton()->text(), u"Move"_s);
            grab(&dialog, u"repush-move"_s);
            QSignalSpy finished(&dialog, &RePushDialog::operationFinished);
            QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
            QVERIFY(finished.wait(15000));
            QVERIFY2(dialog.lastRunSucceeded(), qPrintable(dialog.resultText()));
            QVERIFY(!dialog.runButton()->isEnabled()); // the group is gone from here
            grab(&dialog, u"repush-moved"_s);
        }
        auto after = gateway.groups();
        QVERIFY(after);
        QVERIFY(!find(*after, from));
        const Group *moved = find(*after, to);
        QVERIFY(moved);
        QVERIFY(sameFamilies(withoutKeyLabels(moved->families, to),
                             withoutKeyLabels(original.families, from)));

        // Edit and push: the diff shows the change before it is sent.
        {
            RePushDialog dialog(&ops, gateway.url(), *moved, *after);
            dialog.setMode(RePushDialog::Mode::Edit);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTRY_COMPARE(dialog.diffView()->toPlainText(), u"No changes."_s);
            QByteArray text = dialog.expositionEdit()->text();
            QVERIFY(text.contains("v{i=\"3\"} 0.1"));
            text.replace("v{i=\"3\"} 0.1", "v{i=\"3\"} 0.25");
            dialog.expositionEdit()->setText(text);
            QTRY_VERIFY(dialog.diffView()->toPlainText().contains(u"+v{i=\"3\"} 0.25"_s));
            QVERIFY(dialog.diffView()->toPlainText().contains(u"-v{i=\"3\"} 0.1"_s));
            QCOMPARE(dialog.runButton()->text(), u"Push"_s);
            grab(&dialog, u"repush-edit"_s);
            QSignalSpy finished(&dialog, &RePushDialog::operationFinished);
            QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
            QVERIFY(finished.wait(15000));
            QVERIFY2(dialog.lastRunSucceeded(), qPrintable(dialog.resultText()));
            QTRY_COMPARE(dialog.diffView()->toPlainText(), u"No changes."_s); // against the new content

            // Touch: says what it does to staleness.
            dialog.setMode(RePushDialog::Mode::Touch);
            const double pushTimeBefore = dialog.group().pushTime;
            QTest::qWait(20);
            QCOMPARE(dialog.runButton()->text(), u"Touch"_s);
            grab(&dialog, u"repush-touch"_s);
            QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
            QVERIFY(finished.wait(15000));
            QVERIFY2(dialog.lastRunSucceeded(), qPrintable(dialog.resultText()));
            QVERIFY2(dialog.resultText().contains(u"stale"_s, Qt::CaseInsensitive), qPrintable(dialog.resultText()));
            QVERIFY(gateway.group(to)->pushTime > pushTimeBefore);
        }
        const auto edited = gateway.group(to);
        QVERIFY(edited);
        bool found = false;
        for (const auto &family : edited->families) {
            for (const auto &series : family.series) {
                if (family.name == u"v"_s && series.labels.contains(LabelPair{u"i"_s, u"3"_s})) {
                    QCOMPARE(series.value, 0.25);
                    found = true;
                }
            }
        }
        QVERIFY(found);

        // Copy to another gateway: the URL is checked, the copy verified there.
        TestGateway second;
        QVERIFY(second.start());
        {
            RePushDialog dialog(&ops, gateway.url(), *edited, *gateway.groups());
            dialog.setMode(RePushDialog::Mode::Copy);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.copyUrlEdit()->setText(u"ftp://nowhere"_s);
            QVERIFY(!dialog.runButton()->isEnabled());
            QVERIFY(dialog.copyUrlStatus()->text().contains(u"http"_s));
            dialog.copyUrlEdit()->setText(gateway.url().toString());
            QVERIFY(!dialog.runButton()->isEnabled()); // the group itself
            dialog.copyUrlEdit()->setText(second.url().toString());
            QVERIFY(dialog.runButton()->isEnabled());
            grab(&dialog, u"repush-copy"_s);
            QSignalSpy finished(&dialog, &RePushDialog::operationFinished);
            QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
            QVERIFY(finished.wait(15000));
            QVERIFY2(dialog.lastRunSucceeded(), qPrintable(dialog.resultText()));
        }
        const auto copy = second.group(to);
        QVERIFY(copy);
        QVERIFY(sameFamilies(copy->families, edited->families));
    }

    void undoRestoresTheDeletedGroupAndTheAuditLogShowsIt()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const GroupingKey k = key(u"{job=\"precious\",instance=\"a/b\"}"_s);
        QCOMPARE(gateway.push(k, VarietyText), 200);
        QCOMPARE(gateway.push(u"{job=\"bystander\"}"_s, "m 1\n"), 200);
        const auto groups = gateway.groups();
        QVERIFY(groups);
        const Group original = *find(*groups, k);

        QTemporaryDir dir;
        QMainWindow window;
        window.resize(900, 600);
        OperationsController controller(&window, dir.filePath(u"snapshots"_s), dir.filePath(u"audit.jsonl"_s));
        controller.setBulkOptions(fastOptions());
        controller.setVerification(40, 50);
        GatewaySession session(gateway.url());
        QVERIFY(awaitFuture(session.readGroups()).ok());
        controller.setSession(&session);
        QList<Group> selection{original};
        controller.setSelectionProvider([&selection] { return selection; });
        for (QAction *action : controller.actions()) {
            if (action)
                window.addAction(action);
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!controller.undoAction()->isEnabled()); // no snapshot yet

        // Del opens the confirmation for the selection.
        QTest::keyClick(&window, Qt::Key_Delete);
        auto *dialog = window.findChild<DeleteDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->previewTable()->keyTexts(), QStringList{k.toString()});
        QSignalSpy operations(&controller, &OperationsController::operationFinished);
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        QVERIFY(operations.wait(15000));
        QVERIFY2(dialog->report().allDeleted(), qPrintable(dialog->report().summary()));
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<DeleteDialog *>());
        QVERIFY(!gateway.group(k));

        // Pushed again since the delete: undo says it will replace it.
        QCOMPARE(gateway.push(k, "m 5\n"), 200);
        QVERIFY(awaitFuture(session.readGroups()).ok());

        // Ctrl+Z asks first, then pushes the snapshot back.
        QVERIFY(controller.undoAction()->isEnabled());
        // The offscreen platform does not hand activation back to the window
        // when a dialog closes (a window manager does); shortcuts need it.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY2(controller.pendingConfirmation(), qPrintable(controller.lastMessage() + u" busy="_s + QString::number(controller.isBusy())));
        QMessageBox *box = controller.pendingConfirmation();
        QVERIFY(box->informativeText().contains(u"push time"_s));
        QVERIFY2(box->informativeText().contains(u"1 group(s) exist on the gateway now and will be replaced"_s)
                     && box->informativeText().contains(k.toString() + u" (pushed "_s),
                 qPrintable(box->informativeText()));
        QTRY_VERIFY(box->isVisible());
        grab(box, u"undo-confirm"_s);
        QSignalSpy restored(&controller, &OperationsController::restoreFinished);
        auto *restoreButton = box->findChild<QPushButton *>(u"restoreButton"_s);
        QVERIFY(restoreButton);
        QTest::mouseClick(restoreButton, Qt::LeftButton);
        QVERIFY(restored.wait(15000));
        QVERIFY2(restored.first().at(0).toBool(), qPrintable(restored.first().at(1).toString()));
        QVERIFY2(controller.lastMessage().contains(u"push time"_s), qPrintable(controller.lastMessage()));

        const auto back = gateway.group(k);
        QVERIFY(back);
        QVERIFY(sameFamilies(back->families, original.families));
        QVERIFY(back->pushTime > original.pushTime); // as the message says

        // The audit log lists the delete and the restore.
        AuditLogDock *dock = controller.auditLogDock();
        QSignalSpy refreshed(dock, &AuditLogDock::refreshed);
        controller.showAuditLog(); // shows and re-reads
        QVERIFY(dock->isVisible());
        // The read may finish before we wait (then the signal came already).
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 5000);
        QStringList actions;
        for (const AuditEntry &entry : dock->entries())
            actions << entry.action;
        QVERIFY2(actions.contains(u"delete"_s), qPrintable(actions.join(u','))); // newest first
        QVERIFY2(actions.contains(u"restore"_s), qPrintable(actions.join(u',')));
        QCOMPARE(dock->table()->rowCount(), dock->entries().size());
        dock->table()->selectRow(int(actions.indexOf(u"delete"_s)));
        QVERIFY(dock->detailView()->toPlainText().contains(k.toString()));
        window.resize(1000, 700);
        grab(&window, u"auditlog-window"_s);
        grab(dock, u"auditlog-dock"_s);
        const QString exportFile = dir.filePath(u"export.jsonl"_s);
        QVERIFY(dock->exportTo(exportFile));
        QVERIFY(QFileInfo(exportFile).size() > 0);

        // Snapshots can be exported and imported.
        const auto latest = controller.snapshotStore().latest();
        QVERIFY(latest);
        const QString snapshotFile = dir.filePath(u"exported-snapshot.json"_s);
        QVERIFY(controller.exportSnapshot(latest->fileName, snapshotFile));
        const int count = int(controller.snapshotStore().list().size());
        const auto imported = controller.importSnapshot(snapshotFile);
        QVERIFY2(imported, qPrintable(imported.errorString()));
        QCOMPARE(controller.snapshotStore().list().size(), count + 1);
    }

    void readOnlyDisablesEveryMutatingAction()
    {
        QMainWindow window;
        QTemporaryDir dir;
        OperationsController controller(&window, dir.filePath(u"snapshots"_s), dir.filePath(u"audit.jsonl"_s));
        GatewaySession session(QUrl(u"http://127.0.0.1:9"_s)); // never contacted
        Group group;
        group.key = key(u"{job=\"x\"}"_s);
        GatewayStatus status;
        status.adminApiEnabled = true;
        session.simulateRead({group}, status);
        controller.setSession(&session);
        controller.setSelectionProvider([group] { return QList<Group>{group}; });
        for (QAction *action : controller.actions()) {
            if (action)
                window.addAction(action);
        }

        for (QAction *action : {controller.deleteAction(), controller.bulkDeleteAction(), controller.pruneAction(),
                                controller.wipeAction(), controller.pushAction(), controller.rePushAction()})
            QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY(!controller.undoAction()->isEnabled()); // nothing to undo yet

        QSignalSpy changed(&controller, &OperationsController::readOnlyChanged);
        controller.setProperty("readOnly", true);
        QCOMPARE(changed.size(), 1);
        for (QAction *action : controller.mutatingActions()) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
            QVERIFY2(action->toolTip().contains(u"Read-only mode"_s), qPrintable(action->toolTip()));
        }
        QVERIFY(controller.showAuditLogAction()->isEnabled());
        QVERIFY(controller.importSnapshotAction()->isEnabled());
        QVERIFY(!controller.deleteSelected());
        QVERIFY(!controller.pushNewGroup());
        QVERIFY(controller.lastMessage().contains(u"Read-only"_s));
        QTest::keyClick(&window, Qt::Key_Delete);
        QVERIFY(!window.findChild<DeleteDialog *>());

        controller.setReadOnly(false);
        QVERIFY(controller.deleteAction()->isEnabled());
        // Wipe follows the admin API; re-push needs exactly one group.
        status.adminApiEnabled = false;
        session.simulateRead({group}, status);
        QVERIFY(!controller.wipeAction()->isEnabled());
        QVERIFY(controller.wipeAction()->toolTip().contains(u"admin API"_s));
        controller.setSelectionProvider([group] { return QList<Group>{group, group}; });
        QVERIFY(!controller.rePushAction()->isEnabled());
        QVERIFY(controller.deleteAction()->isEnabled());
        controller.setSession(nullptr);
        for (QAction *action : controller.mutatingActions())
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    }
};

QTEST_MAIN(TestOperationsGui)
#include "tst_operationsgui.moc"

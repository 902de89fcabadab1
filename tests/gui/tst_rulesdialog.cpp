// RulesDialog: editing rules, defaults and cadence factors, validation as
// you type, import/export, the generated alert rules and what gets applied.

#include "views/staleness/rulesdialog.h"
#include "staleness/stalenessrules.h"
#include "builders.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::group;

namespace {

StalenessPolicy samplePolicy()
{
    StalenessPolicy policy;
    policy.setDefaults(1800, 4 * 3600);
    policy.setRules({
        StalenessRule{LabelMatcher::parse(u"{job=\"nightly-backup\"}").value(), 26 * 3600, 48 * 3600, u"backups"_s},
        StalenessRule{LabelMatcher::parse(u"{job=~\"batch-.*\"}").value(), 600, 1800},
        StalenessRule{LabelMatcher::parse(u"{instance!=\"\"}").value(), 60, 300},
    });
    policy.setLearnedCadences({{GroupingKey::parse(u"{job=\"x\"}").value(), LearnedCadence{60, 5}}});
    return policy;
}

// A group whose last push, 30 s ago, succeeded.
Group recentGroup(const QString &keyText)
{
    return group(keyText, double(QDateTime::currentSecsSinceEpoch()) - 30);
}

QPushButton *okButton(RulesDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void setCell(RulesDialog &dialog, int row, int column, const QString &text)
{
    dialog.table()->item(row, column)->setText(text);
}

QStringList matchers(RulesDialog &dialog)
{
    QStringList out;
    for (int row = 0; row < dialog.table()->rowCount(); ++row)
        out.append(dialog.table()->item(row, RulesDialog::MatcherColumn)->text());
    return out;
}

} // namespace

class TestRulesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gatewayColumn()
    {
        StalenessPolicy policy = samplePolicy();
        QList<StalenessRule> rules = policy.rules();
        rules[1].gateway = u"prod-pg:9091"_s;
        policy.setRules(rules);
        RulesDialog dialog(policy);
        QCOMPARE(dialog.table()->horizontalHeaderItem(RulesDialog::GatewayColumn)->text(), u"Gateway"_s);
        QCOMPARE(dialog.table()->item(1, RulesDialog::GatewayColumn)->text(), u"prod-pg:9091"_s);
        QCOMPARE(dialog.table()->item(0, RulesDialog::GatewayColumn)->text(), QString());
        QVERIFY(dialog.editedPolicy()->sameConfiguration(policy));

        // Counts: the scoped rule catches groups only on its gateway.
        dialog.setGroups({recentGroup(u"{job=\"batch-1\"}"_s), recentGroup(u"{job=\"batch-2\",instance=\"a\"}"_s)});
        dialog.setCurrentGateway(QUrl(u"http://other:9091"_s));
        QCOMPARE(dialog.table()->item(1, RulesDialog::MatchesColumn)->text(), u"0"_s);
        QCOMPARE(dialog.table()->item(2, RulesDialog::MatchesColumn)->text(), u"1"_s);
        dialog.setCurrentGateway(QUrl(u"http://prod-pg:9091"_s));
        QCOMPARE(dialog.table()->item(1, RulesDialog::MatchesColumn)->text(), u"2"_s);

        // Edited and moved with its row.
        setCell(dialog, 0, RulesDialog::GatewayColumn, u" http://test-pg:9091 "_s);
        QCOMPARE(dialog.editedPolicy()->rules().at(0).gateway, u"http://test-pg:9091"_s);
        dialog.table()->setCurrentCell(1, RulesDialog::MatcherColumn);
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == u"Move &up"_s)
                button->click();
        }
        QCOMPARE(dialog.table()->item(0, RulesDialog::GatewayColumn)->text(), u"prod-pg:9091"_s);
        QCOMPARE(dialog.table()->item(1, RulesDialog::GatewayColumn)->text().trimmed(), u"http://test-pg:9091"_s);
    }

    void showsPolicy()
    {
        RulesDialog dialog(samplePolicy());
        QCOMPARE(dialog.table()->rowCount(), 3);
        QCOMPARE(dialog.table()->item(0, RulesDialog::NameColumn)->text(), u"backups"_s);
        QCOMPARE(dialog.table()->item(0, RulesDialog::WarnColumn)->text(), u"1d2h"_s);
        QCOMPARE(dialog.table()->item(0, RulesDialog::StaleColumn)->text(), u"2d"_s);
        QCOMPARE(dialog.findChild<QLineEdit *>(u"defaultWarn"_s)->text(), u"30m"_s);
        const auto edited = dialog.editedPolicy();
        QVERIFY2(edited.ok(), qPrintable(edited.errorString()));
        QVERIFY(edited->sameConfiguration(samplePolicy()));
        // Learned cadences pass through untouched.
        QCOMPARE(edited->learnedCadences(), samplePolicy().learnedCadences());
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.problemText().isEmpty());
    }

    void validation_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unclosed matcher") << 1 << int(RulesDialog::MatcherColumn) << u"{job=\"a\""_s << u"Rule 2, selector: "_s;
        QTest::newRow("bad regex") << 2 << int(RulesDialog::MatcherColumn) << u"{job=~\"(\"}"_s << u"Rule 3, selector: "_s;
        QTest::newRow("bad warn") << 0 << int(RulesDialog::WarnColumn) << u"5x"_s << u"Rule 1, warning after: invalid duration"_s;
        QTest::newRow("stale 0") << 0 << int(RulesDialog::StaleColumn) << u"0s"_s << u"Rule 1, stale after: must be longer than 0s"_s;
        QTest::newRow("warn > stale") << 1 << int(RulesDialog::WarnColumn) << u"1h"_s << u"Rule 2, warning after: 1h is longer than stale after (30m)"_s;
    }

    void validation()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, problem);

        RulesDialog dialog(samplePolicy());
        QSignalSpy applied(&dialog, &RulesDialog::applied);
        setCell(dialog, row, column, text);
        QVERIFY2(dialog.problemText().startsWith(problem), qPrintable(dialog.problemText()));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!dialog.editedPolicy().ok());
        // The offending cell is tinted and says why.
        const int flagged = column == RulesDialog::WarnColumn && text == u"1h" ? RulesDialog::StaleColumn : column;
        QTableWidgetItem *item = dialog.table()->item(row, flagged);
        QVERIFY(item->background().style() != Qt::NoBrush);
        QVERIFY(!item->toolTip().isEmpty());
        // OK refuses; nothing is applied.
        dialog.accept();
        QCOMPARE(applied.size(), 0);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // Fixed: all good again.
        setCell(dialog, row, column, samplePolicy().rules().size() > row && column == RulesDialog::MatcherColumn
                                         ? samplePolicy().rules().at(row).matcher.toString()
                                         : column == RulesDialog::StaleColumn ? u"2d"_s : u"1m"_s);
        QVERIFY2(dialog.problemText().isEmpty(), qPrintable(dialog.problemText()));
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(item->background().style(), Qt::NoBrush);
    }

    // The editor checks while typing, before the edit is committed.
    void liveValidation()
    {
        RulesDialog dialog(samplePolicy());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTableWidgetItem *item = dialog.table()->item(1, RulesDialog::MatcherColumn);
        dialog.table()->setCurrentItem(item);
        dialog.table()->editItem(item);
        auto *editor = dialog.table()->findChild<QLineEdit *>(u"ruleCellEditor"_s);
        QVERIFY(editor);
        QVERIFY(editor->property("problem").toString().isEmpty());
        editor->selectAll();
        QTest::keyClicks(editor, u"{job=~\"batch-\""_s);
        QVERIFY(editor->property("problem").toString().contains(u"column"_s));
        QVERIFY(!editor->toolTip().isEmpty());
        QTest::keyClicks(editor, u"}"_s);
        QVERIFY(editor->property("problem").toString().isEmpty());
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(item->text(), u"{job=~\"batch-\"}"_s); // the delegate commits queued
    }

    void editRows()
    {
        RulesDialog dialog(samplePolicy());
        // The table's rows move, appear and go: the model must stay consistent.
        QAbstractItemModelTester tester(dialog.table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QPushButton *addButton = nullptr, *removeButton = nullptr, *upButton = nullptr, *downButton = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            const QString t = b->text().remove(u'&');
            if (t == u"Add rule")
                addButton = b;
            else if (t == u"Remove")
                removeButton = b;
            else if (t == u"Move up")
                upButton = b;
            else if (t == u"Move down")
                downButton = b;
        }
        QVERIFY(addButton && removeButton && upButton && downButton);

        // Move the instance rule to the top: order is what decides.
        dialog.table()->setCurrentCell(2, RulesDialog::MatcherColumn);
        QVERIFY(!downButton->isEnabled());
        upButton->click();
        upButton->click();
        QCOMPARE(matchers(dialog), (QStringList{u"{instance!=\"\"}"_s, u"{job=\"nightly-backup\"}"_s, u"{job=~\"batch-.*\"}"_s}));
        QCOMPARE(dialog.table()->currentRow(), 0);
        QVERIFY(!upButton->isEnabled());
        auto edited = dialog.editedPolicy();
        QVERIFY(edited.ok());
        QCOMPARE(edited->rules().at(0).staleAfter, 300.0);
        QCOMPARE(edited->rules().at(1).name, u"backups"_s);
        downButton->click();
        QCOMPARE(dialog.table()->currentRow(), 1);
        QCOMPARE(matchers(dialog).at(1), u"{instance!=\"\"}"_s);

        // A new rule starts with an unfinished matcher: flagged until filled in.
        addButton->click();
        QCOMPARE(dialog.table()->rowCount(), 4);
        QVERIFY(dialog.editedPolicy().ok()); // {job=""} is valid, if useless
        setCell(dialog, 3, RulesDialog::MatcherColumn, u"{job=\"etl\"}"_s);
        setCell(dialog, 3, RulesDialog::NameColumn, u"etl"_s);
        edited = dialog.editedPolicy();
        QCOMPARE(edited->rules().size(), 4);
        QCOMPARE(edited->rules().at(3).name, u"etl"_s);
        QCOMPARE(edited->rules().at(3).staleAfter, 6.0 * 3600);

        dialog.table()->setCurrentCell(0, RulesDialog::MatcherColumn);
        removeButton->click();
        QCOMPARE(dialog.table()->rowCount(), 3);
        QCOMPARE(matchers(dialog).first(), u"{instance!=\"\"}"_s);
    }

    void defaultsAndCadence()
    {
        RulesDialog dialog(samplePolicy());
        auto *defaultBox = dialog.findChildren<QCheckBox *>().at(1);
        auto *cadenceBox = dialog.findChildren<QCheckBox *>().at(0);
        QVERIFY(defaultBox->text().contains(u"default"_s));
        QVERIFY(cadenceBox->text().contains(u"cadence"_s));

        auto *warn = dialog.findChild<QLineEdit *>(u"defaultWarn"_s);
        warn->setText(u"5h"_s);
        QVERIFY(dialog.problemText().startsWith(u"Default, warning after: 5h is longer than stale after (4h)"_s));
        defaultBox->setChecked(false); // no default at all: nothing to check
        QVERIFY(!warn->isEnabled());
        auto edited = dialog.editedPolicy();
        QVERIFY(edited.ok());
        QCOMPARE(edited->defaultStaleAfter(), 0.0);
        defaultBox->setChecked(true);
        warn->setText(u"90m"_s);
        edited = dialog.editedPolicy();
        QCOMPARE(edited->defaultWarnAfter(), 5400.0);

        auto spins = dialog.findChildren<QDoubleSpinBox *>();
        QCOMPARE(spins.size(), 2);
        spins.at(0)->setValue(5);
        QVERIFY(dialog.problemText().startsWith(u"Learned cadence: the warning factor (5\u00d7) is greater than the stale factor (4\u00d7)"_s));
        spins.at(1)->setValue(8);
        edited = dialog.editedPolicy();
        QVERIFY(edited.ok());
        QCOMPARE(edited->cadenceSettings().warnFactor, 5.0);
        QCOMPARE(edited->cadenceSettings().staleFactor, 8.0);
        cadenceBox->setChecked(false);
        QVERIFY(!spins.at(0)->isEnabled());
        QVERIFY(!dialog.editedPolicy()->cadenceSettings().enabled);
    }

    void applyAndAccept()
    {
        RulesDialog dialog(samplePolicy());
        QSignalSpy applied(&dialog, &RulesDialog::applied);
        setCell(dialog, 1, RulesDialog::StaleColumn, u"45m"_s);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply)->click();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.at(0).at(0).value<StalenessPolicy>().rules().at(1).staleAfter, 2700.0);
        QCOMPARE(dialog.policy().rules().at(1).staleAfter, 2700.0);
        QCOMPARE(dialog.policy().learnedCadences().size(), 1);
        okButton(dialog)->click();
        QCOMPARE(applied.size(), 2);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void matchesAndKeyTest()
    {
        RulesDialog dialog(samplePolicy());
        QCOMPARE(dialog.table()->item(0, RulesDialog::MatchesColumn)->text(), u"\u2013"_s);
        dialog.setGroups({recentGroup(u"{job=\"nightly-backup\",instance=\"db\"}"_s),
                          recentGroup(u"{job=\"batch-1\"}"_s), recentGroup(u"{job=\"batch-2\",instance=\"h\"}"_s),
                          recentGroup(u"{job=\"web\",instance=\"h\"}"_s), recentGroup(u"{job=\"other\"}"_s)});
        // First match wins: the backup with an instance counts for rule 1 only.
        QCOMPARE(dialog.table()->item(0, RulesDialog::MatchesColumn)->text(), u"1"_s);
        QCOMPARE(dialog.table()->item(1, RulesDialog::MatchesColumn)->text(), u"2"_s);
        QCOMPARE(dialog.table()->item(2, RulesDialog::MatchesColumn)->text(), u"1"_s);
        setCell(dialog, 1, RulesDialog::MatcherColumn, u"{job=~\"batch-"_s);
        QCOMPARE(dialog.table()->item(1, RulesDialog::MatchesColumn)->text(), u"?"_s);
        QCOMPARE(dialog.table()->item(2, RulesDialog::MatchesColumn)->text(), u"2"_s); // takes batch-2 now
        setCell(dialog, 1, RulesDialog::MatcherColumn, u"{job=~\"batch-.*\"}"_s);

        auto *key = dialog.findChild<QLineEdit *>(u"testKey"_s);
        auto *result = dialog.findChild<QLabel *>(u"testResult"_s);
        key->setText(u"{job=\"batch-7\"}"_s);
        QCOMPARE(result->text(), u"Judged by rule 2 {job=~\"batch-.*\"}: warning after 10m, stale after 30m."_s);
        key->setText(u"{job=\"other\"}"_s); // on the gateway: judged for real
        QVERIFY2(result->text().startsWith(u"fresh now, by default: warning after 30m, stale after 4h"_s), qPrintable(result->text()));
        key->setText(u"{job=\"unseen\"}"_s);
        QVERIFY2(result->text().startsWith(u"No rule matches: judged by its learned cadence once 3 intervals were seen"_s), qPrintable(result->text()));
        key->setText(u"{job="_s);
        QVERIFY(result->text().startsWith(u"Not a grouping key: "_s));
    }

    void importExport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"rules.json"_s);
        RulesDialog dialog(samplePolicy());
        QSignalSpy applied(&dialog, &RulesDialog::applied);
        QVERIFY(dialog.exportFile(path).ok());
        auto saved = StalenessRules::load(path);
        QVERIFY(saved.ok());
        QVERIFY(saved->sameConfiguration(samplePolicy()));

        // Export refuses an invalid policy.
        setCell(dialog, 0, RulesDialog::WarnColumn, u"x"_s);
        QVERIFY(!dialog.exportFile(dir.filePath(u"bad.json"_s)).ok());
        QVERIFY(!QFile::exists(dir.filePath(u"bad.json"_s)));

        // Import replaces what is shown, not what is applied.
        RulesDialog other(StalenessPolicy{});
        QCOMPARE(other.table()->rowCount(), 0);
        QVERIFY(other.importFile(path).ok());
        QCOMPARE(other.table()->rowCount(), 3);
        QVERIFY(other.editedPolicy()->sameConfiguration(samplePolicy()));
        QVERIFY(other.policy().sameConfiguration(StalenessPolicy{}));

        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"rules\": [{\"matcher\": \"{job=\", \"warn\": \"1m\", \"stale\": \"2m\"}]}");
        broken.close();
        const auto failed = other.importFile(broken.fileName());
        QVERIFY(!failed.ok());
        QVERIFY2(failed.errorString().contains(u"rules[0].matcher"_s), qPrintable(failed.errorString()));
        QCOMPARE(other.table()->rowCount(), 3); // unchanged
        QCOMPARE(applied.size(), 0);
    }

    void alertRules()
    {
        RulesDialog dialog(samplePolicy());
        QDialog *window = dialog.showAlertRules();
        QVERIFY(window);
        QVERIFY(window->isVisible());
        auto *text = window->findChild<QPlainTextEdit *>(u"alertRulesText"_s);
        QVERIFY(text->toPlainText().contains(u"expr: 'time() - push_time_seconds{job=\"nightly-backup\"} >= 172800'"_s));
        QVERIFY(!text->toPlainText().contains(u"changes("_s));
        QCOMPARE(text->toPlainText(), dialog.alertRulesYaml());
        window->findChild<QCheckBox *>(u"cadenceAlerts"_s)->setChecked(true);
        QVERIFY(text->toPlainText().contains(u"changes(push_time_seconds[1d])"_s));
        window->findChild<QPushButton *>(u"copyButton"_s)->click();
        QCOMPARE(QApplication::clipboard()->text(), text->toPlainText());

        // Pictures to look at.
        dialog.setGroups({recentGroup(u"{job=\"nightly-backup\"}"_s), recentGroup(u"{job=\"batch-1\"}"_s),
                          recentGroup(u"{job=\"web\",instance=\"a\"}"_s)});
        dialog.findChild<QLineEdit *>(u"testKey"_s)->setText(u"{job=\"batch-7\",instance=\"h1\"}"_s);
        setCell(dialog, 2, RulesDialog::WarnColumn, u"10m"_s); // longer than stale: flagged
        QDir().mkpath(u"/tmp/pushdeck-charts"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(u"/tmp/pushdeck-charts/rules-dialog.png"_s));
        QVERIFY(window->grab().save(u"/tmp/pushdeck-charts/alert-rules.png"_s));
        window->close();
    }
};

QTEST_MAIN(TestRulesDialog)
#include "tst_rulesdialog.moc"

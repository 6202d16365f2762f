// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The migrations pane with the histories of several tools (issue 15, section 4): a Tool and
// a History column only when there are several, an icon, a text and a colour per state that
// read on the light and the dark palette, the failure text in the row's tooltip and under
// the table, a state filter that the keyboard reaches and the settings remember.
#include "appearance.h"
#include "isolatedhome.h"
#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"
#include "migrationsview.h"
#include "resultsmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;
using S = MigrationEntry::State;

namespace {

const QString Check = u"check.postgres.migrations"_s;

// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

MigrationEntry entry(const QString &id, S state, const QString &tool, const QString &history,
    const QString &failure = {})
{
    return MigrationEntry { id, {}, state, 0, tool, history,
        QDateTime(QDate(2026, 11, 30), QTime(9, 15), QTimeZone::UTC), failure };
}

// One row of each state, all of one history.
QList<MigrationEntry> everyState()
{
    QList<MigrationEntry> rows;
    for (int s = 0; s < 7; ++s)
        rows << entry(u"V%1"_s.arg(s), S(s), u"flyway"_s, u"public.flyway_schema_history"_s,
            S(s) == S::Failed ? u"ERROR: relation \"users\" already exists"_s : QString());
    return rows;
}

CheckResult result(const QString &env, const QString &subject, const QList<MigrationEntry> &rows)
{
    CheckResult r;
    r.environment = env;
    r.checkId = Check;
    r.subject = subject;
    r.status = CheckStatus::Fail;
    r.message = u"%1 rows"_s.arg(rows.size());
    r.details = QVariant::fromValue(rows);
    r.generation = 1;
    return r;
}

QStringList column(const MigrationsView &view, int c)
{
    QStringList texts;
    for (int r = 0; r < view.filterModel()->rowCount(); ++r)
        texts << view.filterModel()->index(r, c).data().toString();
    return texts;
}

QString plain(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

} // namespace

class TestMigrationsView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        Appearance::apply(Appearance::Theme::Light);
    }
    void init() { QSettings().remove(MigrationsView::stateFilterKey()); }
    void cleanup() { Appearance::apply(Appearance::Theme::Light); }

    // Three histories of one environment shown together, told apart by Tool and History;
    // one history alone has neither column. Other environments' and checks' results stay out.
    void toolAndHistoryOnlyWithSeveralHistories()
    {
        ResultsModel results;
        results.upsert(result(u"prod"_s, u"efcore public.__EFMigrationsHistory"_s,
            { entry(
                u"20240101_Init"_s, S::Applied, u"efcore"_s, u"public.__EFMigrationsHistory"_s) }));
        results.upsert(result(u"prod"_s, u"flyway public.flyway_schema_history"_s,
            { entry(u"1"_s, S::Applied, u"flyway"_s, u"public.flyway_schema_history"_s),
                entry(u"2"_s, S::Failed, u"flyway"_s, u"public.flyway_schema_history"_s) }));
        results.upsert(result(u"prod"_s, u"golang-migrate public.schema_migrations"_s,
            { entry(u"3"_s, S::Dirty, u"golang-migrate"_s, u"public.schema_migrations"_s) }));
        results.upsert(result(u"dev"_s, u"liquibase public.databasechangelog"_s,
            { entry(u"a::b::c"_s, S::Modified, u"liquibase"_s, u"public.databasechangelog"_s) }));
        CheckResult pool = result(u"prod"_s, {}, {});
        pool.checkId = u"check.postgres.pool"_s;
        results.upsert(pool);

        MigrationsView view;
        QAbstractItemModelTester tester(
            view.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSource(&results, Check);
        view.resize(1000, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showEnvironment(u"prod"_s);
        QCOMPARE(view.model()->rowCount(), 4);
        QCOMPARE(view.model()->historyCount(), 3);
        QCOMPARE(view.headingText(), u"Migrations of prod · 3 histories"_s);
        QVERIFY(!view.table()->isColumnHidden(MigrationsModel::ToolColumn));
        QVERIFY(!view.table()->isColumnHidden(MigrationsModel::HistoryColumn));
        QVERIFY(view.table()->columnWidth(MigrationsModel::ToolColumn) > 0);
        // Tool and History are the first columns a person sees.
        QCOMPARE(
            view.table()->horizontalHeader()->logicalIndex(0), int(MigrationsModel::ToolColumn));
        QCOMPARE(
            view.table()->horizontalHeader()->logicalIndex(1), int(MigrationsModel::HistoryColumn));
        QCOMPARE(column(view, MigrationsModel::ToolColumn),
            (QStringList { u"Flyway"_s, u"golang-migrate"_s, u"Flyway"_s, u"EF Core"_s }));
        QCOMPARE(column(view, MigrationsModel::StateColumn),
            (QStringList { u"Failed"_s, u"Dirty"_s, u"Applied"_s, u"Applied"_s }));
        QCOMPARE(view.countsText(), u"2 applied · 1 failed · 1 dirty · 0 pending"_s);
        QCOMPARE(view.model()->headerData(MigrationsModel::ProductVersionColumn, Qt::Horizontal),
            QVariant(u"ProductVersion / description"_s));

        // One history: no Tool or History column; the heading names a tool other than EF Core.
        view.showEnvironment(u"dev"_s);
        QCOMPARE(view.model()->rowCount(), 1);
        QVERIFY(view.table()->isColumnHidden(MigrationsModel::ToolColumn));
        QVERIFY(view.table()->isColumnHidden(MigrationsModel::HistoryColumn));
        QCOMPARE(view.headingText(), u"Migrations of dev · Liquibase public.databasechangelog"_s);
        QCOMPARE(view.model()->headerData(MigrationsModel::ProductVersionColumn, Qt::Horizontal),
            QVariant(u"Description"_s));

        // A new run's result for one history replaces that history's rows only.
        CheckResult again = result(u"prod"_s, u"flyway public.flyway_schema_history"_s,
            { entry(u"1"_s, S::Applied, u"flyway"_s, u"public.flyway_schema_history"_s),
                entry(u"2"_s, S::Applied, u"flyway"_s, u"public.flyway_schema_history"_s) });
        again.generation = 2;
        results.upsert(again);
        view.showEnvironment(u"prod"_s);
        QCOMPARE(view.countsText(), u"3 applied · 1 dirty · 0 pending"_s);
    }

    // Each state: its own text and icon, the icons different in shape as well as colour (in
    // grey they still differ), a colour of its own for the State column's text.
    void everyStateHasTextIconAndColour()
    {
        MigrationsModel model;
        model.setMigrations(everyState());
        QList<QImage> greys;
        QSet<QRgb> colours;
        for (int r = 0; r < 7; ++r) {
            const QModelIndex state = model.index(r, MigrationsModel::StateColumn);
            QCOMPARE(state.data().toString(), MigrationsModel::stateText(S(r)));
            const QIcon icon = state.data(Qt::DecorationRole).value<QIcon>();
            QVERIFY(!icon.isNull());
            greys << icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_Grayscale8);
            colours.insert(state.data(Qt::ForegroundRole).value<QBrush>().color().rgb());
            QVERIFY2(!greys.last().isNull(), qPrintable(state.data().toString()));
        }
        for (int a = 0; a < 7; ++a)
            for (int b = a + 1; b < 7; ++b)
                QVERIFY2(greys[a] != greys[b],
                    qPrintable(u"%1 and %2 look alike in grey"_s.arg(a).arg(b)));
        QCOMPARE(colours.size(), 7);
    }

    // The State column's colours and the failing rows' tint read on the light and the dark
    // palette: 4.5:1 (WCAG AA) for the state's text and the ordinary text of a tinted row;
    // and the table paints them (a pixel of the state's colour in the cell).
    void readableInLightAndDarkPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void readableInLightAndDarkPalettes()
    {
        QFETCH(bool, dark);
        Appearance::apply(dark ? Appearance::Theme::Dark : Appearance::Theme::Light);
        const QPalette p = QApplication::palette();
        QCOMPARE(Appearance::isDark(p), dark);
        MigrationsView view;
        view.model()->setMigrations(everyState());
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage shot = view.table()->viewport()->grab().toImage();
        const qreal ratio = shot.devicePixelRatio();
        for (int r = 0; r < 7; ++r) {
            const QModelIndex state = view.filterModel()->index(r, MigrationsModel::StateColumn);
            const QString name = state.data().toString();
            const QColor text = state.data(Qt::ForegroundRole).value<QBrush>().color();
            const QVariant tint = state.data(Qt::BackgroundRole);
            const bool failing
                = MigrationsModel::isFailing(S(state.data(MigrationsModel::StateRole).toInt()));
            QCOMPARE(tint.isValid(), failing);
            QList<QColor> grounds { p.color(QPalette::Base), p.color(QPalette::AlternateBase) };
            if (failing)
                grounds = { tint.value<QBrush>().color() };
            for (const QColor &ground : std::as_const(grounds)) {
                QVERIFY2(contrast(text, ground) >= 4.5,
                    qPrintable(u"%1: %2 on %3, %4:1"_s.arg(name, text.name(), ground.name())
                            .arg(contrast(text, ground))));
                QVERIFY2(contrast(p.color(QPalette::Text), ground) >= 4.5,
                    qPrintable(u"%1 row text on %2"_s.arg(name, ground.name())));
            }
            // The painted cell holds the state's colour (text drawn with the model's brush).
            const QRect cell = view.table()->visualRect(state);
            bool found = false;
            for (int y = cell.top(); y <= cell.bottom() && !found; ++y) {
                for (int x = cell.left(); x <= cell.right() && !found; ++x) {
                    const QColor c = shot.pixelColor(QPoint(x, y) * ratio);
                    found = qAbs(c.red() - text.red()) + qAbs(c.green() - text.green())
                            + qAbs(c.blue() - text.blue())
                        < 30;
                }
            }
            QVERIFY2(found, qPrintable(name + u" is not painted in "_s + text.name()));
        }
    }

    // The failure text the tool stored: in every cell's tooltip of its row (escaped, whole)
    // and under the table for the selected migration; rows without one say nothing of it.
    void failureTextInTooltipAndDetails()
    {
        const QString failure = u"ERROR: column \"<id>\" & \"name\" conflict\nat line 3"_s;
        MigrationsView view;
        QList<MigrationEntry> rows { entry(u"20261130_Users"_s, S::Failed, u"prisma"_s,
                                         u"public._prisma_migrations"_s, failure),
            entry(u"20261101_Init"_s, S::Applied, u"prisma"_s, u"public._prisma_migrations"_s) };
        view.model()->setMigrations(rows);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QAbstractItemModel *m = view.filterModel();
        QCOMPARE(m->index(0, MigrationsModel::IdColumn).data().toString(), u"20261130_Users"_s);
        for (int c = 0; c < MigrationsModel::ColumnCount; ++c) {
            const QString tip = plain(m->index(0, c).data(Qt::ToolTipRole).toString());
            QVERIFY2(tip.contains(failure), qPrintable(tip));
            QVERIFY(tip.contains(u"Prisma public._prisma_migrations"_s));
            QVERIFY(tip.contains(u"Failed"_s));
        }
        const QString appliedTip = plain(m->index(1, 0).data(Qt::ToolTipRole).toString());
        QVERIFY(appliedTip.contains(u"20261101_Init"_s));
        QVERIFY(!appliedTip.contains(u"recorded"_s));

        QCOMPARE(view.detailsText(), QString());
        QSignalSpy changed(&view, &MigrationsView::currentMigrationChanged);
        view.table()->setCurrentIndex(m->index(0, MigrationsModel::IdColumn));
        QVERIFY2(view.detailsText().contains(failure), qPrintable(view.detailsText()));
        QVERIFY(view.detailsText().startsWith(u"20261130_Users — Failed · Prisma"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(view.currentMigration()->failure, failure);
        view.table()->setCurrentIndex(m->index(1, MigrationsModel::IdColumn));
        QVERIFY(view.detailsText().startsWith(u"20261101_Init — Applied"_s));
        QVERIFY(!view.detailsText().contains(u"ERROR"_s));
        view.model()->setMigrations({});
        QCOMPARE(view.detailsText(), QString());
    }

    // A filter per state: the combo beside the text filter, reached by Tab, each state and
    // "failing" showing just those rows with counts that follow; the choice is remembered.
    void filterPerStateByKeyboardAndRemembered()
    {
        {
            MigrationsView view;
            QAbstractItemModelTester tester(
                view.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QList<MigrationEntry> rows = everyState() + everyState();
            view.model()->setMigrations(rows);
            view.show();
            QVERIFY(QTest::qWaitForWindowActive(&view));
            QComboBox *states = view.stateFilterBox();
            QCOMPARE(states->count(), 9);
            QCOMPARE(view.filterModel()->rowCount(), 14);
            for (int i = 2; i < states->count(); ++i) {
                states->setCurrentIndex(i);
                const QStringList shown = column(view, MigrationsModel::StateColumn);
                QCOMPARE(shown, QStringList(2, states->itemText(i)));
                QVERIFY(view.countsText().startsWith(u"2 of 14 shown · "_s));
            }
            states->setCurrentIndex(1);
            QCOMPARE(column(view, MigrationsModel::StateColumn),
                (QStringList { u"Failed"_s, u"Failed"_s, u"Dirty"_s, u"Dirty"_s, u"Modified"_s,
                    u"Modified"_s }));
            QVERIFY2(
                view.countsText().startsWith(
                    u"6 of 14 shown · 2 applied · 2 failed · 2 dirty · 2 modified · 0 pending"_s),
                qPrintable(view.countsText()));
            // With "Pending only" both must pass.
            view.pendingOnlyBox()->setChecked(true);
            QCOMPARE(view.filterModel()->rowCount(), 0);
            view.pendingOnlyBox()->setChecked(false);

            // The keyboard: Tab from the text filter to the state filter, arrows choose.
            states->setCurrentIndex(0);
            view.filterEdit()->setFocus();
            QTRY_COMPARE(QApplication::focusWidget(), view.filterEdit());
            QTest::keyClick(view.filterEdit(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), states);
            QTest::keyClick(states, Qt::Key_Down); // failing
            QTest::keyClick(states, Qt::Key_Down); // failed
            QCOMPARE(states->currentText(), u"Failed"_s);
            QCOMPARE(column(view, MigrationsModel::StateColumn), QStringList(2, u"Failed"_s));
            QCOMPARE(QSettings().value(MigrationsView::stateFilterKey()).toString(), u"failed"_s);
        }
        MigrationsView again; // the next start
        QCOMPARE(again.stateFilterBox()->currentText(), u"Failed"_s);
        again.model()->setMigrations(everyState());
        QCOMPARE(again.filterModel()->rowCount(), 1);
        QSettings().setValue(MigrationsView::stateFilterKey(), u"no-such-state"_s);
        MigrationsView unknown;
        QCOMPARE(unknown.stateFilterBox()->currentIndex(), 0); // all states
    }
};

QTEST_MAIN(TestMigrationsView)
#include "tst_migrationsview.moc"

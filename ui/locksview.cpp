// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "locksview.h"

#include "environmentsmodel.h"
#include "fixtabs.h"
#include "focusring.h"
#include "kb/kblibrary.h"
#include "lockstreemodel.h"
#include "resultsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

void setEvidence(Evidence &evidence, const QString &key, const QVariant &value)
{
    for (auto &[k, v] : evidence) {
        if (k == key) {
            v = value;
            return;
        }
    }
    evidence << qMakePair(key, value);
}

// What a shell takes literally (KbPlaceholders::fromEvidence's rule): anything else stays a
// placeholder for the user to fill in.
bool shellSafe(const QString &value)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9_.:/@+-]+$"_s);
    return safe.match(value).hasMatch();
}

} // namespace

LocksView::LocksView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LocksTreeModel(this))
    , m_heading(new QLabel(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_refresh(new QPushButton(tr("&Refresh Locks"), this))
    , m_tree(new QTreeView(this))
    , m_selection(new QLabel(this))
    , m_fixes(new FixTabs(this))
{
    setAccessibleName(tr("Locks"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_status->setAccessibleName(tr("Locks status"));
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setMinimumWidth(120);
    m_busy->setRange(0, 0); // turns while the locks check runs
    m_busy->setMaximumSize(80, m_status->sizeHint().height());
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Checking locks"));
    m_busy->hide();
    m_refresh->setToolTip(tr("Run the locks check for this environment now"));
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (!m_environment.isEmpty())
            Q_EMIT refreshRequested(m_environment);
    });

    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Blocking sessions"));
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setIndentation(qMax(12, fontMetrics().height()));
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(true); // the query takes the room left
    m_fitPid = !header->restoreState(QSettings().value(headerStateKey()).toByteArray());
    if (m_fitPid) {
        const int em = fontMetrics().averageCharWidth();
        // Room for "12345 · 3 waiting" two levels down, and for most lock texts.
        m_tree->setColumnWidth(LocksTreeModel::PidColumn, em * 19 + 2 * m_tree->indentation());
        m_tree->setColumnWidth(LocksTreeModel::ApplicationColumn, em * 16);
        m_tree->setColumnWidth(LocksTreeModel::StateColumn, em * 24);
        m_tree->setColumnWidth(LocksTreeModel::AgeColumn, em * 8);
        m_tree->setColumnWidth(LocksTreeModel::LockColumn, em * 44);
    }
    connect(header, &QHeaderView::sectionResized, this, [this, header](int logical) {
        // The stretched last section follows the view's width as it is laid out and shown:
        // not the user's choice, and taking it for one ended the PID column's fitting before
        // the first result came.
        if (header->stretchLastSection() && header->visualIndex(logical) == header->count() - 1)
            return;
        saveHeader();
    });
    connect(header, &QHeaderView::sectionMoved, this, &LocksView::saveHeader);
    FocusRing::attach(m_tree);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &LocksView::updateSelection);

    m_selection->setAccessibleName(tr("Selected session"));
    m_selection->setWordWrap(true);
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_selection->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);

    auto *title = new QHBoxLayout;
    title->addWidget(m_heading);
    title->addWidget(m_status, 1);
    title->addWidget(m_busy);
    title->addWidget(m_refresh);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_selection);
    lowerLayout->addWidget(m_fixes, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"locksSplitter"_s);
    splitter->addWidget(m_tree);
    splitter->addWidget(lower);
    // A chain is a few rows; the commands to end it need the room.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 160, 240 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(title);
    layout->addWidget(splitter, 1);
    refresh();
}

LocksView::~LocksView() = default;

QString LocksView::headerStateKey()
{
    return u"locks/header"_s;
}

void LocksView::saveHeader()
{
    if (m_fitting)
        return;
    m_fitPid = false; // the user's widths from now on
    QSettings().setValue(headerStateKey(), m_tree->header()->saveState());
}

void LocksView::setSource(const ResultsModel *results, const QString &locksCheckId,
    const KbLibrary *kb, const EnvironmentsModel *environments)
{
    if (m_results)
        disconnect(m_results, nullptr, this, nullptr);
    m_results = results;
    m_checkId = locksCheckId;
    m_kb = kb;
    m_environments = environments;
    // Any change may be the followed environment's locks result arriving, going stale or
    // going away; refresh() leaves the tree (and the selection) alone when none did.
    connect(results, &QAbstractItemModel::rowsInserted, this, &LocksView::refresh);
    connect(results, &QAbstractItemModel::rowsRemoved, this, &LocksView::refresh);
    connect(results, &QAbstractItemModel::dataChanged, this, &LocksView::refresh);
    connect(results, &QAbstractItemModel::modelReset, this, &LocksView::refresh);
    connect(results, &QAbstractItemModel::layoutChanged, this, &LocksView::refresh);
    refresh();
}

void LocksView::showEnvironment(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    refresh();
}

void LocksView::setRefreshEnabled(bool enabled)
{
    m_refreshEnabled = enabled;
    m_refresh->setEnabled(enabled && !m_environment.isEmpty());
}

void LocksView::refresh()
{
    std::optional<CheckResult> result;
    bool stale = false;
    bool notRefreshed = false;
    if (m_results && !m_environment.isEmpty()) {
        if (const int row = m_results->rowOf(m_environment, m_checkId); row >= 0) {
            result = *m_results->resultAt(row);
            stale = m_results->isStale(row);
            notRefreshed = m_results->index(row, 0).data(ResultsModel::NotRefreshedRole).toBool();
        }
    }
    const bool same = result.has_value() == m_result.has_value()
        && (!result
            || (result->environment == m_result->environment
                && result->generation == m_result->generation
                && result->checkedAt == m_result->checkedAt));
    m_stale = stale;
    m_notRefreshed = notRefreshed;
    if (!same) {
        // A new result: the same session stays selected when it is still in the tree.
        const std::optional<LockSession> was = currentSession();
        m_result = result;
        m_model->setSessions(
            result ? result->details.value<QList<LockSession>>() : QList<LockSession>());
        m_tree->expandAll();
        if (m_fitPid && m_model->rowCount() > 0) {
            // Until the user sets the widths: the pids and counts whole, however deep. Once
            // now and once after the event loop's turn: a view on a tab not yet shown has
            // not laid out its expanded rows, and measured only the roots' indentation.
            const auto fit = [this] {
                if (!m_fitPid)
                    return; // the user set the widths in between
                m_fitting = true;
                m_tree->resizeColumnToContents(LocksTreeModel::PidColumn);
                m_fitting = false;
            };
            fit();
            QTimer::singleShot(0, this, fit);
        }
        QModelIndex select = was ? m_model->indexOfPid(was->pid) : QModelIndex();
        if (!select.isValid() && m_model->rowCount() > 0)
            select = m_model->index(0, 0); // the first root: its fixes at once
        if (select.isValid())
            m_tree->setCurrentIndex(select);
        updateSelection();
    }
    m_heading->setText(
        m_environment.isEmpty() ? tr("Locks") : tr("Locks of %1").arg(m_environment));
    m_refresh->setEnabled(m_refreshEnabled && !m_environment.isEmpty());
    updateStatus();
}

bool LocksView::isRefreshing() const
{
    return m_result && m_stale && !m_notRefreshed;
}

QString LocksView::statusText() const
{
    if (m_environment.isEmpty())
        return tr("select an environment to see its locks");
    if (!m_result)
        return tr("not checked yet: Refresh runs the locks check");
    QStringList parts;
    if (isRefreshing())
        parts << tr("refreshing…");
    else if (m_notRefreshed)
        parts << tr("not refreshed (the run was cancelled)");
    if (m_result->checkedAt.isValid())
        parts << tr("checked at %1").arg(m_result->checkedAt.toString(u"HH:mm:ss"_s));
    const int roots = m_model->rootCount();
    if (m_model->rowCount() == 0 || m_result->status == CheckStatus::NotRun
        || m_result->status == CheckStatus::Error || m_result->status == CheckStatus::Skipped) {
        parts << m_result->message; // nothing waits, or why there is nothing to show
    } else {
        parts << tr("root blockers: %n", nullptr, roots)
              << tr("waiting: %n", nullptr, m_model->waitingCount());
    }
    return parts.join(u" · "_s);
}

void LocksView::updateStatus()
{
    const QString text = statusText();
    m_status->setText(text);
    m_status->setToolTip(m_result ? m_result->message : text);
    m_busy->setVisible(isRefreshing());
}

std::optional<LockSession> LocksView::currentSession() const
{
    const LockSession *s = m_model->sessionAt(m_tree->currentIndex());
    return s ? std::optional<LockSession>(*s) : std::nullopt;
}

QString LocksView::selectionText() const
{
    return m_selection->isHidden() ? QString() : m_selection->text();
}

CheckResult LocksView::fixResult(const CheckResult &result, const LockSession &session)
{
    CheckResult r = result;
    // A session chosen by hand wants its commands even when the check passed (it waits,
    // just not yet over the warn threshold).
    if (r.status == CheckStatus::Pass)
        r.status = CheckStatus::Warn;
    const bool prepared = session.preparedTransaction || session.pid == 0;
    setEvidence(r.evidence, u"RootBlockerPid"_s, prepared ? QVariant() : QVariant(session.pid));
    setEvidence(r.evidence, u"RootBlockerUser"_s, session.user);
    setEvidence(r.evidence, u"PreparedTransactions"_s, prepared ? 1 : 0);
    setEvidence(r.evidence, u"PreparedTransactionIds"_s,
        prepared ? QStringList { session.query } : QStringList());
    return r;
}

Environment LocksView::fixEnvironment(const Environment &env, const LockSession &session)
{
    Environment e = env;
    const bool prepared = session.preparedTransaction || session.pid == 0;
    e.placeholders.remove(u"root-pid"_s);
    e.placeholders.remove(u"root-user"_s);
    e.placeholders.remove(u"prepared-gid"_s);
    if (!prepared)
        e.placeholders.insert(u"root-pid"_s, QString::number(session.pid));
    if (shellSafe(session.user))
        e.placeholders.insert(u"root-user"_s, session.user);
    if (prepared && shellSafe(session.query))
        e.placeholders.insert(u"prepared-gid"_s, session.query);
    return e;
}

void LocksView::updateSelection()
{
    const std::optional<LockSession> s = currentSession();
    if (!s || !m_result) {
        m_selection->setText(m_model->rowCount() > 0
                ? tr("Select a session to see the commands for it, with its pid filled in.")
                : QString());
        m_selection->setVisible(m_model->rowCount() > 0);
        m_fixes->setFixes(nullptr, std::nullopt, nullptr);
        return;
    }
    const QModelIndex current = m_tree->currentIndex();
    const bool root = current.data(LocksTreeModel::IsRootRole).toBool();
    const QString who = s->preparedTransaction || s->pid == 0
        ? tr("Prepared transaction '%1'").arg(s->query)
        : tr("pid %1").arg(s->pid);
    QStringList parts { who };
    for (const int c : { LocksTreeModel::ApplicationColumn, LocksTreeModel::StateColumn,
             LocksTreeModel::LockColumn }) {
        const QString text = m_model->index(current.row(), c, current.parent()).data().toString();
        if (!text.isEmpty())
            parts << text;
    }
    if (root)
        parts << tr("root blocker, sessions waiting behind it: %n", nullptr, s->waitersTotal);
    m_selection->setText(parts.join(u" · "_s));
    m_selection->show();
    const Environment *env = m_environments ? m_environments->environment(m_environment) : nullptr;
    const Environment filled = fixEnvironment(env ? *env : Environment(), *s);
    const KbArticle *article = m_kb ? m_kb->article(m_checkId) : nullptr;
    m_fixes->setFixes(article, fixResult(*m_result, *s), &filled);
}

QString LocksView::headingText() const
{
    return m_heading->text();
}

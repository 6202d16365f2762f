// DbError's reading of driver errors. The SQLSTATE decides; the server's words (in its own
// lc_messages language) only refine.
#include "dbsession.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDbError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queryCancelKinds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("english timeout") << u"ERROR:  canceling statement due to statement timeout"_s
                                         << int(DbError::Kind::StatementTimeout);
        QTest::newRow("german timeout")
            << u"FEHLER:  storniere Anfrage wegen Zeitüberschreitung der Anweisung"_s
            << int(DbError::Kind::StatementTimeout);
        QTest::newRow("french timeout")
            << u"ERREUR:  annulation de la requête à cause du délai écoulé pour l'exécution de l'instruction"_s
            << int(DbError::Kind::StatementTimeout);
        // Someone else's cancel is an error to report, not a skipped check.
        QTest::newRow("english cancel by another session")
            << u"ERROR:  canceling statement due to user request"_s << int(DbError::Kind::Other);
    }
    void queryCancelKinds()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const DbError e = DbError::fromQuery(
            QSqlError(u"QPSQL: Unable to create query"_s, text, QSqlError::StatementError, u"57014"_s));
        QCOMPARE(int(e.kind), kind);
        QVERIFY(!e.advice.isEmpty());
        QVERIFY(e.summary().contains(e.advice));
    }
};

QTEST_GUILESS_MAIN(TestDbError)
#include "tst_dberror.moc"

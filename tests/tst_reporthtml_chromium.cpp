// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The HTML report as a person sees it (issue 18): real headless Chromium opens the redacted
// report of tst_reporthtml's sample and takes a screenshot; the picture must exist, have the
// window's size, not be blank, and show the status colours the style sheet gives the FAIL,
// WARN and PASS badges (so the inline CSS was applied and nothing external was needed).
// Skipped where /usr/bin/chromium is missing (the Debian 13 build root and CI have it).
// DOCTOR_KEEP_SCREENSHOT=FILE keeps the picture.
#include "report/reporthtml.h"
#include "report/reportredactor.h"
#include "reportsample.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// Pixels within a small distance of colour (anti-aliasing blends badge edges).
int pixelsNear(const QImage &image, QRgb colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            if (qAbs(qRed(p) - qRed(colour)) + qAbs(qGreen(p) - qGreen(colour))
                    + qAbs(qBlue(p) - qBlue(colour))
                < 24)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestReportHtmlChromium : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void screenshot()
    {
        const QString chromium = u"/usr/bin/chromium"_s;
        if (!QFile::exists(chromium))
            QSKIP("no /usr/bin/chromium here (Debian's chromium package)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString html = dir.filePath(u"report.html"_s);
        QFile f(html);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ReportHtml::write(ReportRedactor::redact(ReportSample::content())));
        f.close();
        const QString png = dir.filePath(u"report.png"_s);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        // A profile of its own in the temporary folder: nothing of the user's is read or
        // written. No network is needed; --screenshot waits for the page's load.
        p.start(chromium,
            { u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--no-first-run"_s,
                u"--user-data-dir="_s + dir.filePath(u"profile"_s), u"--screenshot="_s + png,
                u"--window-size=1200,1600"_s, QUrl::fromLocalFile(html).toString() });
        QVERIFY2(p.waitForFinished(120000), "chromium did not finish in 120 s");
        const QString output = QString::fromLocal8Bit(p.readAll());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));
        QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(u"no screenshot: "_s + output));
        QCOMPARE(image.size(), QSize(1200, 1600));
        image = image.convertToFormat(QImage::Format_RGB32);
        if (const QString keep = qEnvironmentVariable("DOCTOR_KEEP_SCREENSHOT"); !keep.isEmpty())
            QVERIFY(image.save(keep));
        const int all = image.width() * image.height();
        const int white = pixelsNear(image, qRgb(255, 255, 255));
        QVERIFY2(all - white > all / 50,
            qPrintable(u"blank: %1 of %2 pixels white"_s.arg(white).arg(all)));
        // The badges' colours (reportstyle.cpp: --fail, --warn, --pass).
        QVERIFY2(pixelsNear(image, qRgb(0xcf, 0x22, 0x2e)) > 50, "no FAIL badge red");
        QVERIFY2(pixelsNear(image, qRgb(0x9a, 0x67, 0x00)) > 50, "no WARN badge amber");
        QVERIFY2(pixelsNear(image, qRgb(0x1a, 0x7f, 0x37)) > 50, "no PASS badge green");
    }
};

QTEST_GUILESS_MAIN(TestReportHtmlChromium)
#include "tst_reporthtml_chromium.moc"

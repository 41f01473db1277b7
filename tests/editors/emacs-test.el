;;; emacs-test.el --- Batch test of editors/emacs/jrn-mode.el  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run by tests/suites/editors.sh as
;;   emacs -Q --batch -l tests/editors/emacs-test.el
;; with JRN_ROOT and TMP_DIR in the environment.  Prints one PASS:/FAIL:
;; line per case on standard output, explanations indented below.

;;; Code:

(require 'cl-lib)
(require 'imenu)

(defvar jrn-test-root (file-name-as-directory (getenv "JRN_ROOT")))
(defvar jrn-test-tmp (file-name-as-directory (getenv "TMP_DIR")))
(defvar jrn-test-fake-jrnc
  (expand-file-name "tests/editors/fixtures/fake-jrnc" jrn-test-root))

(add-to-list 'load-path (expand-file-name "editors/emacs" jrn-test-root))
(require 'jrn-mode)

(defvar jrn-test--errors nil "Failures of the running case.")

(defun jrn-test--print (line)
  "Print LINE and a newline on standard output."
  (princ (concat line "\n")))

(defmacro jrn-test-case (name &rest body)
  "Run BODY as the case NAME; BODY calls `jrn-test-fail' for each failure."
  (declare (indent 1))
  `(let ((jrn-test--errors nil))
     (condition-case err
         (progn ,@body)
       (error (push (format "error: %S" err) jrn-test--errors)))
     (if (null jrn-test--errors)
         (jrn-test--print (concat "PASS: emacs: " ,name))
       (jrn-test--print (concat "FAIL: emacs: " ,name))
       (dolist (line (reverse jrn-test--errors))
         (jrn-test--print (concat "  " line))))))

(defun jrn-test-fail (format-string &rest args)
  "Record a failure of the running case, described by FORMAT-STRING and ARGS."
  (push (apply #'format format-string args) jrn-test--errors))

(defun jrn-test-equal (what expected got)
  "Fail unless GOT equals EXPECTED; WHAT names the value."
  (unless (equal expected got)
    (jrn-test-fail "%s: expected %S, got %S" what expected got)))

(defun jrn-test--find (line text &optional nth)
  "Return the position of the NTH (default 1) TEXT on LINE.
TEXT that begins with a word character must begin a symbol there (and
end one, if it ends with one)."
  (let ((regexp (concat (if (string-match-p "\\`[[:alnum:]_]" text) "\\_<" "")
                        (regexp-quote text)
                        (if (string-match-p "\\`[[:alnum:]_]\\(.*[[:alnum:]_]\\)?\\'" text)
                            "\\_>" ""))))
    (save-excursion
      (goto-char (point-min))
      (forward-line (1- line))
      (if (re-search-forward regexp (line-end-position) t (or nth 1))
          (match-beginning 0)
        (error "%S (match %d) not found on line %d" text (or nth 1) line)))))

(defun jrn-test-face (line text face &optional nth)
  "Fail unless the first and last character of TEXT on LINE have FACE."
  (let ((start (jrn-test--find line text nth)))
    (dolist (pos (list start (+ start (length text) -1)))
      (let ((got (get-text-property pos 'face)))
        (unless (equal got face)
          (jrn-test-fail "line %d col %d (%s): expected %S, got %S: %s"
                         line (1+ (- pos (save-excursion (goto-char pos) (line-beginning-position))))
                         text face got
                         (save-excursion (goto-char pos)
                                         (buffer-substring (line-beginning-position)
                                                           (line-end-position)))))))))

(defun jrn-test-visit (file)
  "Visit FILE fontified, make it current and return its buffer."
  (let ((buffer (find-file-noselect file)))
    (set-buffer buffer)
    (font-lock-ensure)
    buffer))

(defconst jrn-test-sample (expand-file-name "tests/editors/sample.jrn" jrn-test-root))

;;;; Mode set-up

(jrn-test-case "auto-mode-alist opens .jrn files in jrn-mode"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-equal "major-mode" 'jrn-mode major-mode)
  (jrn-test-equal "derived from prog-mode" t (and (derived-mode-p 'prog-mode) t)))

(jrn-test-case "comment settings and syntax table"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-equal "comment-start" "# " comment-start)
  (jrn-test-equal "comment-end" "" comment-end)
  (jrn-test-equal "compile-command" "jrnc lint sample.jrn" compile-command)
  (jrn-test-equal "# starts a comment" t
                  (and (nth 4 (syntax-ppss (jrn-test--find 3 "stages:"))) t))
  (jrn-test-equal "_ is part of a symbol" "admin_training"
                  (save-excursion (goto-char (1+ (jrn-test--find 36 "admin_training")))
                                  (thing-at-point 'symbol t)))
  (with-temp-buffer
    (jrn-mode)
    (insert "stage a {\n  owner: cs\n}\n")
    (comment-region (point-min) (point-max))
    (jrn-test-equal "comment-region" "# stage a {\n#   owner: cs\n# }\n" (buffer-string))))

(jrn-test-case "text blocks are strings over several lines"
  (jrn-test-visit jrn-test-sample)
  (dolist (probe '((10 "How customers") (11 "training") (11 "adoption") (12 "\"\"\"")))
    (unless (nth 3 (syntax-ppss (jrn-test--find (car probe) (cadr probe))))
      (jrn-test-fail "line %d: %s is not inside a string" (car probe) (cadr probe))))
  (when (nth 3 (syntax-ppss (jrn-test--find 13 "x_custom")))
    (jrn-test-fail "line 13: the text block did not end")))

;;;; Highlighting

(jrn-test-case "comments with TODO markers and jrnc directives"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-face 1 "Post-sales journeys" 'font-lock-comment-face)
  (jrn-test-face 1 "#" 'font-lock-comment-delimiter-face)
  (jrn-test-face 3 "stages: onboarding" 'font-lock-comment-face)
  (jrn-test-face 2 "TODO" 'font-lock-warning-face)
  (jrn-test-face 2 "FIXME" 'font-lock-warning-face)
  (jrn-test-face 2 "XXX" 'font-lock-warning-face)
  (jrn-test-face 2 "add the" 'font-lock-comment-face)
  (jrn-test-face 53 "jrnc: disable=undeclared-loop" 'font-lock-preprocessor-face))

(jrn-test-case "reserved words and declared names"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-face 3 "use" 'font-lock-preprocessor-face)
  (dolist (probe '((5 "map") (16 "segment") (19 "team") (22 "metric") (26 "persona")
                   (26 "in") (32 "extend") (32 "stage") (36 "touchpoint") (44 "kpi")
                   (54 "journey") (54 "for")))
    (jrn-test-face (car probe) (cadr probe) 'font-lock-keyword-face))
  (jrn-test-face 5 "acme" 'font-lock-function-name-face)
  (jrn-test-face 32 "onboarding" 'font-lock-function-name-face)
  (jrn-test-face 36 "admin_training" 'font-lock-function-name-face)
  (jrn-test-face 55 "certify" nil))

(jrn-test-case "property names, reserved words used as properties"
  (jrn-test-visit jrn-test-sample)
  (dolist (probe '((6 "owner") (13 "x_custom") (37 "channel") (38 "persona")
                   (29 "pain") (48 "delight") (55 "rate") (55 "after")
                   (69 "serves") (69 "evidence") (69 "fail") (69 "wait")))
    (jrn-test-face (car probe) (cadr probe) 'font-lock-variable-name-face))
  (jrn-test-face 6 ":" nil))

(jrn-test-case "flags and enumerated values"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-face 42 "truth" 'font-lock-builtin-face)
  (jrn-test-face 43 "backstage" 'font-lock-builtin-face)
  (jrn-test-face 68 "support" 'font-lock-builtin-face)
  (jrn-test-face 49 "pain" 'font-lock-builtin-face)
  (dolist (probe '((22 "higher") (39 "direct") (40 "frustrated") (44 "quarterly")))
    (jrn-test-face (car probe) (cadr probe) 'font-lock-constant-face)))

(jrn-test-case "strings and escapes"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-face 3 "\"std/spines/post_sales\"" 'font-lock-string-face)
  (jrn-test-face 5 "\"Acme post-sales\"" 'font-lock-string-face)
  (jrn-test-face 13 "tab" 'font-lock-string-face)
  (dolist (escape '("\\t" "\\\"" "\\\\" "\\n" "\\u{1F600}"))
    (jrn-test-face 13 escape 'jrn-escape-face))
  (jrn-test-face 13 " and backslash " 'font-lock-string-face)
  (jrn-test-face 44 "Untrained admins" 'font-lock-string-face))

(jrn-test-case "text blocks over several lines"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-face 9 "\"\"\"" 'font-lock-string-face)
  (jrn-test-face 10 "How customers" 'font-lock-string-face)
  (jrn-test-face 10 "year:" 'font-lock-string-face)
  (jrn-test-face 11 "\"adoption\"" 'font-lock-string-face)
  (jrn-test-face 11 "training," 'font-lock-string-face)
  (jrn-test-face 12 "\"\"\"" 'font-lock-string-face)
  (jrn-test-face 13 "x_custom" 'font-lock-variable-name-face)
  ;; a one-line text block: no escapes, inner quotes are text
  (jrn-test-face 60 "\"\"\"C:" 'font-lock-string-face)
  (jrn-test-face 60 "\\new" 'font-lock-string-face)
  (jrn-test-face 60 "\"raw\"" 'font-lock-string-face)
  (jrn-test-face 60 "text\"\"\"" 'font-lock-string-face)
  (jrn-test-face 60 "}" nil))

(jrn-test-case "numbers, percentages, ranges, dates, durations"
  (jrn-test-visit jrn-test-sample)
  (dolist (probe '((7 "3") (8 "2026-09-30") (22 "0%") (22 "100%") (23 "-2")
                   (23 "2" 2) (24 "1") (24 "5") (34 "-1") (41 "4.5") (44 "85%")
                   (55 "2d") (56 "30min") (56 "4h") (57 "3w") (57 "6mo") (57 "1y")
                   (60 "0d") (60 "90d") (61 "1.5h")))
    (jrn-test-face (car probe) (cadr probe) 'jrn-number-face (nth 2 probe)))
  (jrn-test-face 22 ".." 'jrn-operator-face)
  (jrn-test-face 23 ".." 'jrn-operator-face)
  (jrn-test-face 60 ".." 'jrn-operator-face))

(jrn-test-case "arrow operator"
  (jrn-test-visit jrn-test-sample)
  (jrn-test-face 55 "->" 'jrn-operator-face)
  (jrn-test-face 55 "->" 'jrn-operator-face 2)
  (jrn-test-face 57 "->" 'jrn-operator-face 3))

(jrn-test-case "look-alike words and bad escapes"
  (with-temp-buffer
    (jrn-mode)
    (insert "touchpoint t2 \"T\" { channel: in_app  note: \"bad \\q escape\" }\n"
            "stage_x mapping x2 a-1 -2d\n"
            "for: x  in : y  persona:z\n")
    (font-lock-ensure)
    (jrn-test-face 1 "t2" 'font-lock-function-name-face)
    (jrn-test-face 1 "in_app" nil)
    (jrn-test-face 1 "\\q" 'font-lock-warning-face)
    (jrn-test-face 2 "stage_x" nil)
    (jrn-test-face 2 "mapping" nil)
    (jrn-test-face 2 "x2" nil)
    (jrn-test-face 2 "1" nil)
    (jrn-test-face 2 "-2d" 'jrn-number-face)
    ;; use, map, extend, in and for are never property names
    (jrn-test-face 3 "for" 'font-lock-keyword-face)
    (jrn-test-face 3 "in" 'font-lock-keyword-face)
    (jrn-test-face 3 "persona" 'font-lock-variable-name-face)))

;;;; Indentation

(jrn-test-case "indent-region restores the reference indentation"
  (let ((expected (with-temp-buffer
                    (insert-file-contents (expand-file-name "tests/editors/indent.jrn"
                                                            jrn-test-root))
                    (buffer-string))))
    (with-temp-buffer
      (insert-file-contents (expand-file-name "indent-flat.jrn" jrn-test-tmp))
      (jrn-mode)
      (when (equal (buffer-string) expected)
        (jrn-test-fail "the scrambled input is already indented: the test would prove nothing"))
      (indent-region (point-min) (point-max))
      (let ((want (split-string expected "\n"))
            (have (split-string (buffer-string) "\n"))
            (line 1))
        (while (or want have)
          (unless (equal (car want) (car have))
            (jrn-test-fail "line %d: expected %S" line (car want))
            (jrn-test-fail "line %d:      got %S" line (car have)))
          (setq want (cdr want) have (cdr have) line (1+ line)))))))

(jrn-test-case "indent-region leaves the indented sample unchanged"
  (let ((expected (with-temp-buffer (insert-file-contents jrn-test-sample) (buffer-string))))
    (with-temp-buffer
      (insert expected)
      (jrn-mode)
      (indent-region (point-min) (point-max))
      (let ((want (split-string expected "\n"))
            (have (split-string (buffer-string) "\n"))
            (line 1))
        (while want
          (unless (equal (car want) (car have))
            (jrn-test-fail "line %d: %S became %S" line (car want) (car have)))
          (setq want (cdr want) have (cdr have) line (1+ line)))))))

(jrn-test-case "TAB indents a line and keeps point in its text"
  (with-temp-buffer
    (jrn-mode)
    (insert "stage a {\n  touchpoint b {\n      owner: cs\n")
    (goto-char (point-min))
    (forward-line 2)
    (search-forward "cs")
    (indent-for-tab-command)
    (jrn-test-equal "line" "    owner: cs"
                    (buffer-substring (line-beginning-position) (line-end-position)))
    (jrn-test-equal "point after cs" t (looking-at-p "$"))))

;;;; Imenu

(jrn-test-case "imenu lists declarations by kind"
  (jrn-test-visit jrn-test-sample)
  (setq imenu--index-alist nil)
  (let ((index (imenu--make-index-alist t)))
    (dolist (probe '(("Stages" "onboarding") ("Touchpoints" "admin_training")
                     ("Touchpoints" "certify") ("Personas" "admin")
                     ("Journeys" "admin_path") ("Metrics" "mood")))
      (unless (assoc (cadr probe) (cdr (assoc (car probe) index)))
        (jrn-test-fail "%s has no %s: %S" (car probe) (cadr probe)
                       (mapcar #'car index))))))

;;;; jrnc lint: Flymake and compile

(defun jrn-test--flymake (arguments)
  "Run the Flymake backend with ARGUMENTS on a small buffer.
Return what it reported: a list of diagnostics or (:panic ...)."
  (let ((reported 'none)
        (jrn-jrnc-program jrn-test-fake-jrnc)
        (jrn-lint-arguments arguments))
    (with-temp-buffer
      (jrn-mode)
      (insert "stage a {\n  chanel: web\n}\n# end\n")
      (jrn-flymake (lambda (&rest report) (setq reported report)))
      (let ((deadline (+ (float-time) 10)))
        (while (and (eq reported 'none) (< (float-time) deadline))
          (accept-process-output nil 0.05)))
      (if (eq reported 'none)
          (error "The backend reported nothing within 10 s")
        (mapcar (lambda (d)
                  (if (flymake--diag-p d)
                      (list (line-number-at-pos (flymake-diagnostic-beg d))
                            (flymake-diagnostic-type d)
                            (flymake-diagnostic-text d))
                    d))
                (if (keywordp (car reported)) reported (car reported)))))))

(jrn-test-case "flymake backend reads jrnc lint diagnostics"
  (jrn-test-equal
   "diagnostics"
   '((2 :error "unknown property 'chanel' on touchpoint; did you mean 'channel'?")
     (1 :note "first declared here")
     (4 :warning "stage 'renewal' has no touchpoint [empty-stage]")
     (1 :warning "std/spines/post_sales.jrn:4:1: stage 'exit' has no KPI [stage-without-kpi]"))
   (jrn-test--flymake nil))
  (jrn-test-equal "registered" t
                  (with-temp-buffer
                    (jrn-mode)
                    (and (memq #'jrn-flymake flymake-diagnostic-functions) t))))

(jrn-test-case "flymake backend reports a failing jrnc"
  (jrn-test-equal "report"
                  '(:panic :explanation "jrnc lint failed (2): jrnc: error: cannot read standard input")
                  (jrn-test--flymake '("--io-error"))))

(jrn-test-case "jrn-lint runs jrnc lint through compile"
  (let* ((file (expand-file-name "compile.jrn" jrn-test-tmp))
         (jrn-jrnc-program jrn-test-fake-jrnc))
    (with-temp-file file (insert "stage a {\n  chanel: web\n}\n"))
    (with-current-buffer (find-file-noselect file)
      (jrn-lint)
      (let ((process (get-buffer-process "*compilation*")))
        (while (process-live-p process)
          (accept-process-output process 0.05)))
      (with-current-buffer "*compilation*"
        (jrn-test-equal "command" (concat jrn-test-fake-jrnc " lint compile.jrn")
                        (car compilation-arguments))
        (goto-char (point-min))
        (let ((compilation-skip-threshold 0) ; visit notes too
              found)
          (condition-case nil
              (while t
                (compilation-next-error 1)
                (let ((loc (compilation--message->loc
                            (get-text-property (point) 'compilation-message))))
                  (push (list (file-name-nondirectory
                               (caar (compilation--loc->file-struct loc)))
                              (compilation--loc->line loc)
                              (compilation--loc->col loc)
                              (compilation--message->type
                               (get-text-property (point) 'compilation-message)))
                        found)))
            (error nil))
          ;; types: 2 error, 1 warning, 0 note
          (jrn-test-equal "errors found" '(("compile.jrn" 2 3 2) ("compile.jrn" 1 1 0)
                                           ("compile.jrn" 3 1 1) ("post_sales.jrn" 4 1 1))
                          (nreverse found)))))))

;;;; Byte compilation

(jrn-test-case "byte-compiles with warnings as errors"
  (let ((copy (expand-file-name "jrn-mode.el" jrn-test-tmp))
        (byte-compile-error-on-warn t)
        (byte-compile-dest-file-function (lambda (_) (expand-file-name "jrn-mode.elc" jrn-test-tmp))))
    (copy-file (expand-file-name "editors/emacs/jrn-mode.el" jrn-test-root) copy t)
    (unless (byte-compile-file copy)
      (jrn-test-fail "byte-compile-file failed:")
      (with-current-buffer "*Compile-Log*"
        (dolist (line (split-string (buffer-string) "\n" t))
          (jrn-test-fail "%s" line))))))

(jrn-test-case "checkdoc finds nothing to fix"
  (let* ((copy (expand-file-name "jrn-mode.el" jrn-test-tmp))
         (warnings nil))
    (copy-file (expand-file-name "editors/emacs/jrn-mode.el" jrn-test-root) copy t)
    (cl-letf (((symbol-function 'display-warning)
               (lambda (_type message &rest _) (push message warnings))))
      (checkdoc-file copy))
    (dolist (warning (reverse warnings))
      (jrn-test-fail "%s" (string-trim warning)))))

;;; emacs-test.el ends here

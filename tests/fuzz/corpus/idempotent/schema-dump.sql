--
-- PostgreSQL database dump
--

-- Dumped from database version 16.4
-- Dumped by pg_dump version 16.4

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

CREATE TABLE public."Customers" (
    "Id" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Email" character varying(320)
);

ALTER TABLE ONLY public."Customers"
    ADD CONSTRAINT "PK_Customers" PRIMARY KEY ("Id");

CREATE UNIQUE INDEX "IX_Customers_Email" ON public."Customers" USING btree ("Email") WHERE ("Email" IS NOT NULL);

--
-- PostgreSQL database dump complete
--

